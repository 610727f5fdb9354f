// The reader of a bulk result's body (lib/platforms/shopify/jsonl.ts): lines and their byte
// offsets whatever the chunks, characters split between chunks, a last line without its newline,
// a server that ignored the Range (the bytes before the offset dropped), a body that stalls.
import { describe, expect, it } from 'vitest';
import { JsonlReader } from '../../lib/platforms/shopify/jsonl.ts';
import { PlatformError } from '../../lib/platforms/types.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
function body(chunks: Uint8Array[], stallAfter = Infinity): ReadableStreamDefaultReader<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (i >= stallAfter) return new Promise(() => undefined);
      if (i < chunks.length) c.enqueue(chunks[i++]!);
      else c.close();
      return undefined;
    },
  }).getReader();
}
/** `whole` cut every `size` bytes (through multi-byte characters too). */
const cut = (whole: Uint8Array, size: number): Uint8Array[] => Array.from({ length: Math.ceil(whole.length / size) }, (_, k) => whole.subarray(k * size, (k + 1) * size));
async function all(r: JsonlReader): Promise<{ text: string; start: number }[]> {
  const out: { text: string; start: number }[] = [];
  for (let l = await r.next(); l; l = await r.next()) out.push(l);
  return out;
}

const FILE = '{"id":"gid://shopify/Product/1","title":"Café crème"}\n{"id":"gid://shopify/ProductVariant/2","sku":"茶-1","__parentId":"gid://shopify/Product/1"}\n\n{"id":"gid://shopify/Product/3","title":"Ünïcode ✓"}';
const whole = bytes(FILE);
const expected = FILE.split('\n').filter(Boolean).map((text) => ({ text, start: bytes(FILE.slice(0, FILE.indexOf(text))).length }));

describe('a bulk result body read line by line', () => {
  it.each([1, 2, 3, 7, 64, 10_000])('gives the same lines and byte offsets in chunks of %i bytes', async (size) => {
    expect(await all(new JsonlReader(body(cut(whole, size)), 0, 0, 5000))).toEqual(expected);
  });

  it('from an offset: with the Range honoured (the body starts there) or ignored (the bytes before it dropped)', async () => {
    const at = expected[1]!.start;
    expect(await all(new JsonlReader(body(cut(whole.subarray(at), 5)), at, 0, 5000))).toEqual(expected.slice(1));
    expect(await all(new JsonlReader(body(cut(whole, 5)), at, at, 5000))).toEqual(expected.slice(1));
  });

  it('a body that stops sending is broken off as a passing fault', async () => {
    const r = new JsonlReader(body(cut(whole, 10), 2), 0, 0, 50);
    await expect(all(r)).rejects.toSatisfy((e: unknown) => e instanceof PlatformError && e.kind === 'temporary' && /stopped arriving/.test(e.message));
  });
});
