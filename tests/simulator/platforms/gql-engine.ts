// Schema-driven validation, cost calculation and execution over parsed GraphQL documents.
//
// Cost (Shopify's published method, simplified): scalars and enums 0; an object 1; a connection
// 2 + first (or last) × (cost of one node: 1 + its selections); edge, pageInfo, payload, count and
// userError objects 0; a mutation field 10 + its payload's selections. Nested connections
// multiply. `requestedQueryCost` uses first/last; `actualQueryCost` counts what was returned.
import { type Doc, type Field, type Operation, type Selection, type Value, evalValue } from './graphql.ts';

export interface FieldDef {
  type: string;
  args: string[];
  required: string[];
}
export type Schema = Record<string, Record<string, FieldDef>>;
export type Resolver = (parent: unknown, args: Record<string, unknown>) => unknown;
export type Resolvers = Record<string, Record<string, Resolver>>;
export interface GqlError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}
/** Thrown by resolvers for a field-level error. */
export class FieldError extends Error {
  constructor(
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const MAX_PAGE = 250;

export function named(t: string): string {
  return t.replace(/[[\]!]/g, '');
}
const isList = (t: string): boolean => t.startsWith('[');
function objBase(t: string): number {
  if (t.endsWith('Connection')) return 2;
  if (t.endsWith('Edge') || t === 'PageInfo' || t.endsWith('Payload') || t.endsWith('UserError') || t === 'Count') return 0;
  return 1;
}

export class Engine {
  constructor(
    readonly schema: Schema,
    readonly resolvers: Resolvers,
  ) {}

  private included(dirs: { name: string; args: { name: string; value: Value }[] }[], vars: Record<string, unknown>): boolean {
    for (const d of dirs) {
      const cond = d.args.find((a) => a.name === 'if');
      const v = cond ? Boolean(evalValue(cond.value, vars)) : true;
      if (d.name === 'include' && !v) return false;
      if (d.name === 'skip' && v) return false;
    }
    return true;
  }
  /** Fields of a selection set for `type`, fragments expanded, grouped by response key. */
  collect(type: string, sels: Selection[], doc: Doc, vars: Record<string, unknown>, out = new Map<string, Field>()): Map<string, Field> {
    for (const s of sels) {
      if (!this.included(s.directives, vars)) continue;
      if (s.kind === 'field') {
        const key = s.alias ?? s.name;
        if (!out.has(key)) out.set(key, s);
      } else if (s.kind === 'inline') {
        if (!s.typeCond || s.typeCond === type || s.typeCond === 'Node') this.collect(type, s.selections, doc, vars, out);
      } else {
        const fr = doc.fragments.get(s.name);
        if (fr && (fr.typeCond === type || fr.typeCond === 'Node')) this.collect(type, fr.selections, doc, vars, out);
      }
    }
    return out;
  }
  args(f: Field, vars: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const a of f.args) out[a.name] = evalValue(a.value, vars);
    return out;
  }

  /** Shopify's checks on connection arguments, made after the document validated against the
   *  version's schema (shopify-validate.ts): one of first/last, and at most 250. */
  connectionChecks(op: Operation, doc: Doc, vars: Record<string, unknown>): GqlError[] {
    const errors: GqlError[] = [];
    if (op.kind === 'subscription') return errors;
    const seenFragments = new Set<string>();
    const walk = (type: string, sels: Selection[], path: (string | number)[]): void => {
      for (const s of sels) {
        if (s.kind === 'spread') {
          const fr = doc.fragments.get(s.name);
          if (fr && !seenFragments.has(s.name)) {
            seenFragments.add(s.name);
            walk(this.schema[fr.typeCond] ? fr.typeCond : type, fr.selections, path);
          }
          continue;
        }
        if (s.kind === 'inline') {
          walk(s.typeCond && this.schema[s.typeCond] ? s.typeCond : type, s.selections, path);
          continue;
        }
        const def = this.schema[type]?.[s.name];
        if (!def) continue;
        const key = s.alias ?? s.name;
        const loc = [{ line: s.line, column: s.column }];
        const p = [...path, key];
        const t = named(def.type);
        if (t.endsWith('Connection')) {
          const args = this.args(s, vars);
          const first = args.first;
          const last = args.last;
          if ((first === undefined || first === null) && (last === undefined || last === null)) {
            errors.push({ message: 'you must provide one of first or last', locations: loc, path: p, extensions: { code: 'BAD_REQUEST' } });
          } else {
            for (const [n, v] of [['first', first], ['last', last]] as const) {
              if (v === undefined || v === null) continue;
              if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) errors.push({ message: `Argument '${n}' on Field '${s.name}' has an invalid value (${String(v)}). Expected type 'Int'.`, locations: loc, path: p, extensions: { code: 'argumentLiteralsIncompatible', typeName: 'Field', argumentName: n } });
              else if (v > MAX_PAGE) errors.push({ message: `The page size requested for '${s.name}' (${n}: ${v}) exceeds the maximum of ${MAX_PAGE}.`, locations: loc, path: p, extensions: { code: 'BAD_REQUEST', maxPageSize: MAX_PAGE } });
            }
          }
        }
        if (s.selections && this.schema[t]) walk(t, s.selections, p);
      }
    };
    walk(op.kind === 'mutation' ? 'Mutation' : 'QueryRoot', op.selections, []);
    return errors;
  }

  /** Requested (static) cost of an operation. */
  requestedCost(op: Operation, doc: Doc, vars: Record<string, unknown>): number {
    const root = op.kind === 'mutation' ? 'Mutation' : 'QueryRoot';
    const selCost = (type: string, sels: Selection[] | undefined): number => {
      if (!sels) return 0;
      let total = 0;
      for (const f of this.collect(type, sels, doc, vars).values()) {
        const def = this.schema[type]?.[f.name];
        if (!def) continue;
        const t = named(def.type);
        if (!this.schema[t]) continue;
        if (type === 'Mutation') {
          total += 10 + selCost(t, f.selections);
          continue;
        }
        if (t.endsWith('Connection')) {
          const a = this.args(f, vars);
          const n = Number(a.first ?? a.last ?? 0) || 0;
          let node = 0;
          for (const cf of this.collect(t, f.selections ?? [], doc, vars).values()) {
            const cdef = this.schema[t]![cf.name];
            if (!cdef || (cf.name !== 'nodes' && cf.name !== 'edges')) continue;
            const et = named(cdef.type);
            node = Math.max(node, objBase(et) + selCost(et, cf.selections));
          }
          total += 2 + n * node;
          continue;
        }
        total += objBase(t) + selCost(t, f.selections);
      }
      return total;
    };
    return selCost(root, op.selections);
  }

  /** Execute; returns data, field errors and the actual cost. */
  execute(op: Operation, doc: Doc, vars: Record<string, unknown>): { data: Record<string, unknown>; errors: GqlError[]; cost: number } {
    return this.select(op.kind === 'mutation' ? 'Mutation' : 'QueryRoot', {}, op.selections, doc, vars);
  }

  /** One object's selection set on `parent` (the root, or a node of a bulk query); fields for
   *  which `skip` says so are left out (a bulk query's nested connections, which the caller
   *  writes as lines of their own). */
  select(type: string, parent: unknown, sels: Selection[], doc: Doc, vars: Record<string, unknown>, skip?: (f: Field) => boolean): { data: Record<string, unknown>; errors: GqlError[]; cost: number } {
    const errors: GqlError[] = [];
    const execSel = (type: string, parent: unknown, sels: Selection[], path: (string | number)[], top: boolean): [Record<string, unknown>, number] => {
      const obj: Record<string, unknown> = {};
      let cost = 0;
      for (const [key, f] of this.collect(type, sels, doc, vars)) {
        if (f.name === '__typename') {
          obj[key] = type;
          continue;
        }
        if (top && skip?.(f)) continue;
        const def = this.schema[type]![f.name]!;
        const r = this.resolvers[type]?.[f.name];
        let raw: unknown;
        try {
          raw = r ? r(parent, this.args(f, vars)) : (parent as Record<string, unknown> | null)?.[f.name];
        } catch (e) {
          if (!(e instanceof FieldError)) throw e;
          errors.push({ message: e.message, locations: [{ line: f.line, column: f.column }], path: [...path, key], extensions: e.extensions });
          obj[key] = null;
          continue;
        }
        const [v, c] = complete(def.type, raw, f, [...path, key]);
        obj[key] = v;
        cost += c + (type === 'Mutation' ? 10 : 0);
      }
      return [obj, cost];
    };
    const complete = (t: string, raw: unknown, f: Field, path: (string | number)[]): [unknown, number] => {
      if (raw === undefined || raw === null) return [null, 0];
      if (isList(t)) {
        const inner = t.replace(/!$/, '').slice(1, -1);
        let c = 0;
        const arr = (raw as unknown[]).map((x, i) => {
          const [v, vc] = complete(inner, x, f, [...path, i]);
          c += vc;
          return v;
        });
        return [arr, c];
      }
      const nt = named(t);
      if (!this.schema[nt]) return [raw, 0];
      const [o, c] = execSel(nt, raw, f.selections ?? [], path, false);
      return [o, c + objBase(nt)];
    };
    const [data, cost] = execSel(type, parent, sels, [], true);
    return { data, errors, cost };
  }
}

/** Compact schema builder: `{ field: 'Type' | ['Type', 'arg1 arg2!'] }` (`!` marks a required arg). */
export function defineSchema(src: Record<string, Record<string, string | [string, string]>>): Schema {
  const out: Schema = {};
  for (const [type, fields] of Object.entries(src)) {
    out[type] = {};
    for (const [name, spec] of Object.entries(fields)) {
      const [t, argStr] = typeof spec === 'string' ? [spec, ''] : spec;
      const args = argStr.split(/\s+/).filter(Boolean);
      out[type][name] = { type: t, args: args.map((a) => a.replace(/!$/, '')), required: args.filter((a) => a.endsWith('!')).map((a) => a.slice(0, -1)) };
    }
  }
  return out;
}
