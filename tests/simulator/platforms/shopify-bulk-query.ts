// The query a Shopify bulk operation runs: Shopify's rules for it, and its result as JSONL lines.
//
// Rules (the messages are Shopify's, as answered to real shops and recorded in
// airhorns/shopify-draft-proxy's parity tests; the limits are in the bulk operations guide,
// shopify.dev/docs/api/usage/bulk-operations/queries): a `query` operation, valid for the API
// version, with at least one connection and at most five, nested at most two deep; connections
// select `edges { node }` (not `nodes`); a node whose connection is nested selects `id`, unaliased;
// no top-level `node`. Pagination arguments are not needed: a connection gives all its nodes.
//
// Result (the guide's "Download result data"): one JSON object per line per node; a nested
// connection's nodes are lines of their own carrying `__parentId`, the id of their parent, after
// it. With `groupObjects: true` a parent's children follow it directly; without it they follow
// later (here: after the parents of the next 50 roots), which is cheaper for Shopify.
import { type Doc, type Field, GqlSyntaxError, parseDocument } from './graphql.ts';
import { type Engine, named } from './gql-engine.ts';
import { validateDocument } from './shopify-validate.ts';
import type { SchemaSlice } from './shopify-versions.ts';

export interface BulkUserError {
  field: string[] | null;
  message: string;
  code: 'INVALID' | 'LIMIT_REACHED' | 'OPERATION_IN_PROGRESS';
}
export interface BulkQuery {
  doc: Doc;
  top: Field;
}
export interface BulkLine {
  line: string;
  root: boolean;
}

const MAX_CONNECTIONS = 5;
const MAX_DEPTH = 2;
/** Roots written before their children when objects are not grouped. */
const UNGROUPED_BATCH = 50;
const invalid = (message: string): BulkUserError => ({ field: ['query'], message, code: 'INVALID' });
const isConnection = (t: string): boolean => named(t).endsWith('Connection');

/** The query checked as Shopify checks it before it creates the operation. */
export function checkBulkQuery(query: string, engine: Engine, slice: SchemaSlice): BulkQuery | BulkUserError[] {
  let doc: Doc;
  try {
    doc = parseDocument(query);
  } catch (e) {
    if (e instanceof GqlSyntaxError) return [invalid(`Invalid bulk query: ${e.message}`)];
    throw e;
  }
  const op = doc.operations[0];
  if (!op || doc.operations.length > 1) return [invalid('Invalid bulk query: a bulk query is one operation')];
  if (op.kind !== 'query') return [invalid('Invalid operation type. Only `query` operations are supported.')];
  const schemaErrors = validateDocument(doc, slice).errors;
  if (schemaErrors.length) return schemaErrors.map((e) => invalid(`Invalid bulk query: ${e.message}`));

  const errors: BulkUserError[] = [];
  const viaNodes: string[] = [];
  const withoutId: string[] = [];
  let connections = 0;
  let deepest = 0;
  const S = engine.schema;
  // `type` holds `sels`; `depth` counts the connections above.
  const walk = (type: string, sels: Field['selections'], depth: number, parentConnection: string | null): void => {
    const fields = [...engine.collect(type, sels ?? [], doc, {}).values()];
    const nested = fields.filter((f) => S[type]?.[f.name] && isConnection(S[type]![f.name]!.type));
    if (parentConnection && nested.length && !fields.some((f) => f.name === 'id' && !f.alias)) withoutId.push(parentConnection);
    for (const f of fields) {
      const def = S[type]?.[f.name];
      if (!def || !f.selections) continue;
      const t = named(def.type);
      if (!isConnection(def.type)) {
        walk(t, f.selections, depth, null);
        continue;
      }
      connections++;
      deepest = Math.max(deepest, depth + 1);
      const parts = engine.collect(t, f.selections, doc, {});
      if (parts.has('nodes')) viaNodes.push(f.name);
      const edges = parts.get('edges');
      const node = edges ? engine.collect(named(S[t]!.edges!.type), edges.selections ?? [], doc, {}).get('node') : undefined;
      if (node) walk(named(S[named(S[t]!.edges!.type)]!.node!.type), node.selections, depth + 1, f.name);
    }
  };
  const tops = [...engine.collect('QueryRoot', op.selections, doc, {}).values()];
  if (tops.some((f) => f.name === 'node')) errors.push(invalid('Bulk queries cannot contain a top level `node` field.'));
  walk('QueryRoot', op.selections, 0, null);
  if (viaNodes.length) errors.push(invalid(`All connection fields in a bulk query must select their contents using 'edges' > 'node', e.g: '${viaNodes[0]} { edges { node {'. Selecting via 'nodes' is not supported. Invalid connection fields: ${viaNodes.map((n) => `'${n}'`).join(', ')}.`));
  if (connections === 0) errors.push(invalid('Bulk queries must contain at least one connection.'));
  if (connections > MAX_CONNECTIONS) errors.push(invalid(`Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`));
  if (deepest > MAX_DEPTH) errors.push(invalid(`Bulk queries cannot contain connections with a nesting depth greater than ${MAX_DEPTH}.`));
  if (withoutId.length) errors.push(invalid(`The parent 'node' field for a nested connection must select the 'id' field without an alias and must be of 'ID' return type. Connection fields without 'id': ${withoutId.join(', ')}.`));
  if (errors.length) return errors;
  // The simulator runs a bulk query from one top-level connection (what Shelfsync sends); it says
  // so rather than pretend Shopify refuses other shapes.
  const top = tops[0];
  if (tops.length !== 1 || !top || !isConnection(S.QueryRoot![top.name]!.type)) return [invalid('SIMULATOR_UNSUPPORTED: the simulator runs bulk queries with one top-level connection field')];
  return { doc, top };
}

/** The result, line by line, reading the shop as it goes (as Shopify's job does). */
export function* bulkLines(engine: Engine, q: BulkQuery, grouped: boolean): Generator<BulkLine> {
  const S = engine.schema;
  const { doc } = q;
  const args = (f: Field): Record<string, unknown> => engine.args(f, {});
  /** The node type and selection under `edges { node { … } }` of a connection field. */
  const nodeOf = (connType: string, f: Field): { type: string; field: Field } | null => {
    const edges = engine.collect(connType, f.selections ?? [], doc, {}).get('edges');
    const edgeType = named(S[connType]!.edges!.type);
    const node = edges ? engine.collect(edgeType, edges.selections ?? [], doc, {}).get('node') : undefined;
    return node ? { type: named(S[edgeType]!.node!.type), field: node } : null;
  };
  /** One node's own line, and a generator of its nested connections' lines. */
  const one = (type: string, sel: Field, raw: unknown, parentId: string | null): { line: BulkLine; children: () => Generator<BulkLine> } => {
    const nested = [...engine.collect(type, sel.selections ?? [], doc, {}).values()].filter((f) => S[type]?.[f.name] && isConnection(S[type]![f.name]!.type));
    const { data } = engine.select(type, raw, sel.selections ?? [], doc, {}, (f) => nested.includes(f));
    if (parentId) data.__parentId = parentId;
    const id = typeof data.id === 'string' ? data.id : null;
    return {
      line: { line: JSON.stringify(data), root: parentId === null },
      children: function* () {
        for (const f of nested) {
          const connType = named(S[type]![f.name]!.type);
          const resolver = engine.resolvers[type]?.[f.name];
          yield* lines(connType, f, resolver ? resolver(raw, args(f)) : null, id);
        }
      },
    };
  };
  function* lines(connType: string, f: Field, conn: unknown, parentId: string | null): Generator<BulkLine> {
    const node = nodeOf(connType, f);
    const raws = ((conn as { edges?: { node: unknown }[] } | null)?.edges ?? []).map((e) => e.node);
    if (!node) return;
    const batch = grouped ? 1 : UNGROUPED_BATCH;
    for (let i = 0; i < raws.length; i += batch) {
      const made = raws.slice(i, i + batch).map((raw) => one(node.type, node.field, raw, parentId));
      for (const m of made) {
        yield m.line;
        if (grouped) yield* m.children();
      }
      if (!grouped) for (const m of made) yield* m.children();
    }
  }
  const resolver = engine.resolvers.QueryRoot?.[q.top.name];
  yield* lines(named(S.QueryRoot![q.top.name]!.type), q.top, resolver ? resolver({}, args(q.top)) : null, null);
}
