// Lazada `payload` parameter: XML (`<Request><Product>...`) or JSON (`{"Request":{...}}`), read into
// the same tree: an element with children becomes an object, repeated children an array, text a string.

export type Tree = string | { [k: string]: Tree | Tree[] };

const ENT: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENT[e.toLowerCase()]!,
  );
}

/** Minimal XML reader (elements, text, CDATA, entities; attributes ignored). Throws on malformed input. */
export function parseXml(src: string): Record<string, Tree> {
  let i = 0;
  const s = src;
  const skipMisc = (): void => {
    for (;;) {
      while (i < s.length && /\s/.test(s[i]!)) i++;
      if (s.startsWith('<?', i)) i = s.indexOf('?>', i) + 2;
      else if (s.startsWith('<!--', i)) i = s.indexOf('-->', i) + 3;
      else return;
      if (i < 2) throw new Error('unterminated declaration');
    }
  };
  const element = (): [string, Tree] => {
    if (s[i] !== '<') throw new Error(`expected < at ${i}`);
    const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(s.slice(i, i + 2000));
    if (!m) throw new Error(`bad tag at ${i}`);
    const name = m[1]!;
    i += m[0].length;
    if (m[3]) return [name, ''];
    const children: [string, Tree][] = [];
    let text = '';
    for (;;) {
      if (i >= s.length) throw new Error(`unclosed <${name}>`);
      if (s.startsWith('</', i)) {
        const end = s.indexOf('>', i);
        if (s.slice(i + 2, end).trim() !== name) throw new Error(`mismatched </${s.slice(i + 2, end)}>`);
        i = end + 1;
        break;
      }
      if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i);
        if (end < 0) throw new Error('unclosed CDATA');
        text += s.slice(i + 9, end);
        i = end + 3;
      } else if (s.startsWith('<!--', i)) {
        const end = s.indexOf('-->', i);
        if (end < 0) throw new Error('unclosed comment');
        i = end + 3;
      } else if (s[i] === '<') children.push(element());
      else {
        const next = s.indexOf('<', i);
        if (next < 0) throw new Error(`unclosed <${name}>`);
        text += decode(s.slice(i, next));
        i = next;
      }
    }
    if (children.length === 0) return [name, text.trim()];
    const obj: { [k: string]: Tree | Tree[] } = {};
    for (const [k, v] of children) {
      const cur = obj[k];
      if (cur === undefined) obj[k] = v;
      else if (Array.isArray(cur)) cur.push(v);
      else obj[k] = [cur, v];
    }
    return [name, obj];
  };
  skipMisc();
  const [name, tree] = element();
  skipMisc();
  if (i < s.length) throw new Error('trailing content after root element');
  return { [name]: tree };
}

/** Parse an XML or JSON payload; undefined when malformed. */
export function parsePayload(raw: string): Record<string, unknown> | undefined {
  const t = raw.trim();
  try {
    if (t.startsWith('<')) return parseXml(t) as Record<string, unknown>;
    const v: unknown = JSON.parse(t);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function asList(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  return Array.isArray(v) ? v : [v];
}
export function get(v: unknown, ...path: string[]): unknown {
  let cur = v;
  for (const k of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
/** Integer from a number or a numeric string (XML values are strings); NaN otherwise. */
export function toInt(v: unknown): number {
  if (typeof v === 'number') return Number.isInteger(v) ? v : NaN;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return NaN;
}
export function toNum(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  return NaN;
}
export function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}
