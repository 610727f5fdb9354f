// A small GraphQL document parser (executable definitions only): operations, fields with
// aliases/arguments/directives, fragments, inline fragments, variables and literals.
// Enough for the Shopify fake; not a general GraphQL engine.

export type Value =
  | { kind: 'var'; name: string }
  | { kind: 'int' | 'float' | 'string' | 'enum'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'list'; values: Value[] }
  | { kind: 'object'; fields: { name: string; value: Value }[] };
export interface Directive {
  name: string;
  args: { name: string; value: Value }[];
  line?: number;
  column?: number;
}
export interface Field {
  kind: 'field';
  alias?: string;
  name: string;
  args: { name: string; value: Value }[];
  directives: Directive[];
  selections?: Selection[];
  line: number;
  column: number;
}
export interface Spread {
  kind: 'spread';
  name: string;
  directives: Directive[];
}
export interface Inline {
  kind: 'inline';
  typeCond?: string;
  directives: Directive[];
  selections: Selection[];
}
export type Selection = Field | Spread | Inline;
export interface VarDef {
  name: string;
  type: string;
  defaultValue?: Value;
  /** Where `$name` stands in the document (errors about the variable point there). */
  line?: number;
  column?: number;
}
export interface Operation {
  kind: 'query' | 'mutation' | 'subscription';
  name?: string;
  varDefs: VarDef[];
  selections: Selection[];
  directives?: Directive[];
  line?: number;
  column?: number;
}
export interface Doc {
  operations: Operation[];
  fragments: Map<string, { typeCond: string; selections: Selection[] }>;
}
export class GqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

interface Tok {
  t: 'punct' | 'name' | 'int' | 'float' | 'string' | 'eof';
  v: string;
  line: number;
  col: number;
}

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const push = (t: Tok['t'], v: string, start: number): void => void out.push({ t, v, line, col: start - lineStart + 1 });
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      line++;
      i++;
      lineStart = i;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === '\ufeff') i++;
    else if (c === '#') while (i < src.length && src[i] !== '\n') i++;
    else if ('!$()&:=@[]{}|'.includes(c)) push('punct', c, i++);
    else if (src.startsWith('...', i)) (push('punct', '...', i), (i += 3));
    else if (/[_A-Za-z]/.test(c)) {
      const s = i;
      while (i < src.length && /[_0-9A-Za-z]/.test(src[i]!)) i++;
      push('name', src.slice(s, i), s);
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new GqlSyntaxError(`Parse error on "${c}"`, line, i - lineStart + 1);
      push(m[2] || m[3] ? 'float' : 'int', m[0], i);
      i += m[0].length;
    } else if (src.startsWith('"""', i)) {
      const end = src.indexOf('"""', i + 3);
      if (end < 0) throw new GqlSyntaxError('Unterminated string', line, i - lineStart + 1);
      const raw = src.slice(i + 3, end);
      push('string', raw.replace(/\\"""/g, '"""').trim(), i);
      for (const ch of raw) if (ch === '\n') line++;
      i = end + 3;
    } else if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\n') throw new GqlSyntaxError('Unterminated string', line, i - lineStart + 1);
        if (src[j] === '\\') {
          const e = src[j + 1];
          if (e === 'u') {
            s += String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16));
            j += 6;
            continue;
          }
          s += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[e ?? ''] ?? e ?? '';
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new GqlSyntaxError('Unterminated string', line, i - lineStart + 1);
      push('string', s, i);
      i = j + 1;
    } else throw new GqlSyntaxError(`Parse error on "${c}"`, line, i - lineStart + 1);
  }
  out.push({ t: 'eof', v: '', line, col: i - lineStart + 1 });
  return out;
}

export function parseDocument(src: string): Doc {
  const toks = lex(src);
  let p = 0;
  const peek = (): Tok => toks[p]!;
  const fail = (tk: Tok = peek()): never => {
    throw new GqlSyntaxError(tk.t === 'eof' ? 'Parse error on end of file' : `Parse error on "${tk.v}"`, tk.line, tk.col);
  };
  const is = (v: string): boolean => peek().t === 'punct' && peek().v === v;
  const expect = (v: string): void => {
    if (!is(v)) fail();
    p++;
  };
  const name = (): string => {
    const tk = peek();
    if (tk.t !== 'name') fail();
    p++;
    return tk.v;
  };
  const value = (isConst: boolean): Value => {
    const tk = peek();
    if (tk.t === 'punct' && tk.v === '$' && !isConst) {
      p++;
      return { kind: 'var', name: name() };
    }
    if (tk.t === 'int' || tk.t === 'float' || tk.t === 'string') {
      p++;
      return { kind: tk.t, value: tk.v };
    }
    if (tk.t === 'name') {
      p++;
      if (tk.v === 'true' || tk.v === 'false') return { kind: 'bool', value: tk.v === 'true' };
      if (tk.v === 'null') return { kind: 'null' };
      return { kind: 'enum', value: tk.v };
    }
    if (is('[')) {
      p++;
      const values: Value[] = [];
      while (!is(']')) values.push(value(isConst));
      p++;
      return { kind: 'list', values };
    }
    if (is('{')) {
      p++;
      const fields: { name: string; value: Value }[] = [];
      while (!is('}')) {
        const n = name();
        expect(':');
        fields.push({ name: n, value: value(isConst) });
      }
      p++;
      return { kind: 'object', fields };
    }
    return fail();
  };
  const args = (): { name: string; value: Value }[] => {
    const out: { name: string; value: Value }[] = [];
    if (!is('(')) return out;
    p++;
    while (!is(')')) {
      const n = name();
      expect(':');
      out.push({ name: n, value: value(false) });
    }
    p++;
    return out;
  };
  const directives = (): Directive[] => {
    const out: Directive[] = [];
    while (is('@')) {
      const at = peek();
      p++;
      out.push({ name: name(), args: args(), line: at.line, column: at.col });
    }
    return out;
  };
  const typeRef = (): string => {
    let s: string;
    if (is('[')) {
      p++;
      s = `[${typeRef()}]`;
      expect(']');
    } else s = name();
    if (is('!')) {
      p++;
      s += '!';
    }
    return s;
  };
  const selectionSet = (): Selection[] => {
    expect('{');
    const out: Selection[] = [];
    while (!is('}')) {
      if (peek().t === 'eof') fail();
      if (is('...')) {
        p++;
        if (peek().t === 'name' && peek().v !== 'on') {
          out.push({ kind: 'spread', name: name(), directives: directives() });
        } else {
          let typeCond: string | undefined;
          if (peek().t === 'name' && peek().v === 'on') {
            p++;
            typeCond = name();
          }
          const d = directives();
          out.push({ kind: 'inline', typeCond, directives: d, selections: selectionSet() });
        }
        continue;
      }
      const tk = peek();
      let n = name();
      let alias: string | undefined;
      if (is(':')) {
        p++;
        alias = n;
        n = name();
      }
      const f: Field = { kind: 'field', alias, name: n, args: args(), directives: directives(), line: tk.line, column: tk.col };
      if (is('{')) f.selections = selectionSet();
      out.push(f);
    }
    p++;
    if (out.length === 0) fail(toks[p - 1]);
    return out;
  };
  const doc: Doc = { operations: [], fragments: new Map() };
  if (peek().t === 'eof') fail();
  while (peek().t !== 'eof') {
    if (is('{')) {
      const brace = peek();
      doc.operations.push({ kind: 'query', varDefs: [], selections: selectionSet(), line: brace.line, column: brace.col });
      continue;
    }
    const kw = name();
    if (kw === 'fragment') {
      const fname = name();
      if (peek().v !== 'on') fail();
      p++;
      const typeCond = name();
      directives();
      doc.fragments.set(fname, { typeCond, selections: selectionSet() });
      continue;
    }
    if (kw !== 'query' && kw !== 'mutation' && kw !== 'subscription') fail(toks[p - 1]);
    const opTok = toks[p - 1]!;
    const op: Operation = { kind: kw as Operation['kind'], varDefs: [], selections: [], line: opTok.line, column: opTok.col };
    if (peek().t === 'name') op.name = name();
    if (is('(')) {
      p++;
      while (!is(')')) {
        const dollar = peek();
        expect('$');
        const vn = name();
        expect(':');
        const vd: VarDef = { name: vn, type: typeRef(), line: dollar.line, column: dollar.col };
        if (is('=')) {
          p++;
          vd.defaultValue = value(true);
        }
        directives();
        op.varDefs.push(vd);
      }
      p++;
    }
    op.directives = directives();
    op.selections = selectionSet();
    doc.operations.push(op);
  }
  return doc;
}

/** Evaluate a literal/variable to a JS value (enums as strings). */
export function evalValue(v: Value, vars: Record<string, unknown>): unknown {
  switch (v.kind) {
    case 'var':
      return vars[v.name];
    case 'int':
      return parseInt(v.value, 10);
    case 'float':
      return parseFloat(v.value);
    case 'string':
    case 'enum':
      return v.value;
    case 'bool':
      return v.value;
    case 'null':
      return null;
    case 'list':
      return v.values.map((x) => evalValue(x, vars));
    case 'object':
      return Object.fromEntries(v.fields.map((f) => [f.name, evalValue(f.value, vars)]));
  }
}
