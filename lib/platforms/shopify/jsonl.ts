// A JSONL body read line by line as it arrives, each line with the byte offset where it starts:
// a bulk export of 50,000 variants (tens of MB) is never one string, and a read that breaks off
// resumes with an HTTP Range from the offset of a line boundary.

import { PlatformError } from '../types.ts';

const NEWLINE = 0x0a;
const decoder = new TextDecoder();

export interface JsonlLine {
  text: string;
  /** Byte offset of the line's first byte in the whole file. */
  start: number;
}

export class JsonlReader {
  private buf = new Uint8Array(0);
  private pos = 0;
  /** Offset (in the file) of buf[0]. */
  private base: number;
  private ended = false;

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    start: number,
    /** Bytes to drop first: a server that ignored the Range sends the file from its start. */
    private skip: number,
    /** A body that sends nothing for this long is broken off (the read resumes elsewhere). */
    private readonly idleMs: number,
  ) {
    this.base = start - skip;
  }

  /** Where the next unread line starts. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** The next non-empty line, or null at the end of the body. */
  async next(): Promise<JsonlLine | null> {
    for (;;) {
      const nl = this.buf.indexOf(NEWLINE, this.pos);
      if (nl >= 0 || (this.ended && this.pos < this.buf.length)) {
        const end = nl >= 0 ? nl : this.buf.length;
        const line = { text: decoder.decode(this.buf.subarray(this.pos, end)), start: this.base + this.pos };
        this.pos = nl >= 0 ? nl + 1 : end;
        if (line.text.trim()) return line;
        continue;
      }
      if (this.ended) return null;
      const chunk = await this.read();
      if (!chunk) {
        this.ended = true;
        continue;
      }
      // Keep only the unfinished line: memory stays at one chunk plus one line.
      const rest = this.buf.subarray(this.pos);
      const merged = new Uint8Array(rest.length + chunk.length);
      merged.set(rest);
      merged.set(chunk, rest.length);
      this.base += this.pos;
      this.buf = merged;
      this.pos = 0;
    }
  }

  cancel(): void {
    this.ended = true;
    void this.reader.cancel().catch(() => undefined);
  }

  private async read(): Promise<Uint8Array | null> {
    for (;;) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const idle = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PlatformError('temporary', `shopify: the bulk result stopped arriving for ${Math.round(this.idleMs / 1000)} s`)), this.idleMs);
      });
      let got: ReadableStreamReadResult<Uint8Array>;
      try {
        got = await Promise.race([this.reader.read(), idle]);
      } catch (err) {
        this.cancel();
        if (err instanceof PlatformError) throw err;
        throw new PlatformError('temporary', `shopify: reading the bulk result broke off: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        clearTimeout(timer);
      }
      if (got.done) return null;
      let chunk = got.value;
      if (this.skip > 0) {
        const drop = Math.min(this.skip, chunk.length);
        this.skip -= drop;
        this.base += drop;
        chunk = chunk.subarray(drop);
        if (chunk.length === 0) continue;
      }
      return chunk;
    }
  }
}
