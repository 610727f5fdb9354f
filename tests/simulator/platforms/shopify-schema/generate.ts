// Builds the simulator's per-version slice of Shopify's Admin GraphQL schema from the
// introspection files Shopify publishes in the npm package @shopify/dev-mcp
// (`dist/data/admin_<version>.json.gz`). Run it on a fresh tarball:
//
//   (cd /tmp && npm pack @shopify/dev-mcp && tar xzf shopify-dev-mcp-*.tgz)
//   npx tsx tests/simulator/platforms/shopify-schema/generate.ts /tmp/package
//
// The package is read from disk, never imported: Shelfsync does not depend on it.
// What is kept, per version (README.md beside this file):
// - every object, interface and field the simulator serves (the SCHEMA in ../shopify-schema.ts),
//   with the real field's type, arguments (type, default) and deprecation reason, and the
//   names of the type's other fields (they exist on Shopify; the simulator does not serve them);
// - every input object, enum and scalar those arguments reach, whole;
// - the kind of every other type a kept field returns;
// - the directives, and which mutations take `@idempotent` and from when it is required
//   (Shopify says so only in the mutation's description, not in the type system).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { SCHEMA } from '../shopify-schema.ts';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IValue {
  name: string;
  type: TypeRef;
  defaultValue: string | null;
  isDeprecated?: boolean;
  deprecationReason?: string | null;
}
interface IField {
  name: string;
  args: IValue[];
  type: TypeRef;
  isDeprecated: boolean;
  deprecationReason: string | null;
  description: string | null;
}
interface IType {
  kind: string;
  name: string;
  fields: IField[] | null;
  inputFields: IValue[] | null;
  enumValues: { name: string }[] | null;
  possibleTypes: { name: string }[] | null;
  isOneOf?: boolean;
}
interface IDirective {
  name: string;
  locations: string[];
  args: IValue[];
}

const here = dirname(fileURLToPath(import.meta.url));
const src = process.argv[2];
if (!src) throw new Error('usage: generate.ts <unpacked @shopify/dev-mcp package directory>');
const pkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8')) as { name: string; version: string };
const dataDir = join(src, 'dist', 'data');
const versions = readdirSync(dataDir)
  .map((f) => /^admin_(\d{4}-\d{2}|unstable)\.json\.gz$/.exec(f)?.[1])
  .filter((v): v is string => !!v)
  .sort();

const ref = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${ref(t.ofType!)}!` : t.kind === 'LIST' ? `[${ref(t.ofType!)}]` : t.name!);
const named = (t: TypeRef): string => (t.ofType ? named(t.ofType) : t.name!);
const value = (v: IValue): string | [string, string] => (v.defaultValue === null ? ref(v.type) : [ref(v.type), v.defaultValue]);
const KIND: Record<string, string> = { OBJECT: 'object', INTERFACE: 'interface', UNION: 'union', INPUT_OBJECT: 'input', ENUM: 'enum', SCALAR: 'scalar' };
const IDEMPOTENT_REQUIRED = /As of (\d{4}-\d{2}), the idempotency key is required/;
const IDEMPOTENT_SUPPORTED = /idempotency key using the `@idempotent` directive/;

const report: string[] = [];
for (const version of versions) {
  const raw = JSON.parse(gunzipSync(readFileSync(join(dataDir, `admin_${version}.json.gz`))).toString('utf8')) as { data: { __schema: { types: IType[]; directives: IDirective[] } } };
  const all = new Map(raw.data.__schema.types.map((t) => [t.name, t]));
  const out: Record<string, unknown> = {};
  const reached = new Set<string>();
  const idempotent: Record<string, string | null> = {};

  // Argument and input types, whole: a document may send any of their fields.
  const reachInput = (name: string): void => {
    if (out[name] || reached.has(name)) return;
    reached.add(name);
    const t = all.get(name);
    if (!t) throw new Error(`${version}: ${name} is not in the schema`);
    if (t.kind === 'INPUT_OBJECT') {
      out[name] = { kind: 'input', ...(t.isOneOf ? { oneOf: true } : {}), fields: Object.fromEntries(t.inputFields!.map((f) => [f.name, value(f)])) };
      for (const f of t.inputFields!) reachInput(named(f.type));
    } else if (t.kind === 'ENUM') out[name] = { kind: 'enum', values: t.enumValues!.map((e) => e.name) };
    else out[name] = { kind: KIND[t.kind] };
  };

  for (const [typeName, fields] of Object.entries(SCHEMA)) {
    const t = all.get(typeName);
    if (!t || !t.fields) {
      report.push(`${version}: the simulator serves ${typeName}, which is not an object here`);
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const [fieldName, def] of Object.entries(fields)) {
      const f = t.fields.find((x) => x.name === fieldName);
      if (!f) {
        report.push(`${version}: ${typeName}.${fieldName} is not in Shopify's schema`);
        continue;
      }
      if (named(f.type) !== def.type.replace(/[[\]!]/g, '') || ref(f.type) !== def.type) report.push(`${version}: ${typeName}.${fieldName} is ${ref(f.type)} (simulator: ${def.type})`);
      for (const a of f.args) reachInput(named(a.type));
      kept[fieldName] = {
        type: ref(f.type),
        ...(f.args.length ? { args: Object.fromEntries(f.args.map((a) => [a.name, value(a)])) } : {}),
        ...(f.isDeprecated ? { deprecated: f.deprecationReason ?? 'Deprecated' } : {}),
      };
      if (typeName === 'Mutation' && IDEMPOTENT_SUPPORTED.test(f.description ?? '')) idempotent[fieldName] = IDEMPOTENT_REQUIRED.exec(f.description ?? '')?.[1] ?? null;
    }
    out[typeName] = {
      kind: KIND[t.kind],
      fields: kept,
      others: t.fields.map((f) => f.name).filter((n) => !(n in kept)).sort(),
      ...(t.possibleTypes ? { possibleTypes: t.possibleTypes.map((p) => p.name).sort() } : {}),
    };
  }
  // Every type a kept field returns, by kind (an object the simulator does not serve is a stub).
  for (const typeName of Object.keys(SCHEMA)) {
    for (const f of all.get(typeName)?.fields ?? []) {
      if (!(f.name in ((out[typeName] as { fields?: object } | undefined)?.fields ?? {}))) continue;
      const n = named(f.type);
      const t = all.get(n)!;
      if (!out[n]) out[n] = { kind: KIND[t.kind], ...(t.possibleTypes ? { possibleTypes: t.possibleTypes.map((p) => p.name).sort() } : {}), ...(t.kind === 'ENUM' ? { values: t.enumValues!.map((e) => e.name) } : {}) };
    }
  }
  const directives = Object.fromEntries(
    raw.data.__schema.directives.map((d) => [d.name, { locations: d.locations, args: Object.fromEntries(d.args.map((a) => [a.name, value(a)])) }]),
  );
  for (const d of raw.data.__schema.directives) for (const a of d.args) reachInput(named(a.type));

  const types = Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
  const body = {
    source: `${pkg.name}@${pkg.version} dist/data/admin_${version}.json.gz`,
    version,
    directives,
    idempotent,
    types,
  };
  // One type per line: a schema change between package versions reads as a small diff.
  const lines = Object.entries(types).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const text = `{\n  "source": ${JSON.stringify(body.source)},\n  "version": ${JSON.stringify(version)},\n  "directives": ${JSON.stringify(directives)},\n  "idempotent": ${JSON.stringify(idempotent)},\n  "types": {\n${lines.join(',\n')}\n  }\n}\n`;
  writeFileSync(join(here, `admin-${version}.json`), text);
  console.log(`${version}: ${Object.keys(types).length} types, ${text.length} bytes`);
}
writeFileSync(join(here, 'versions.json'), `${JSON.stringify({ source: `${pkg.name}@${pkg.version}`, versions }, null, 2)}\n`);
if (report.length) console.log(`\nThe simulator's SCHEMA differs from Shopify's:\n${report.join('\n')}`);
