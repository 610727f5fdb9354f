// Validates a GraphQL document against one Admin API version's schema slice (shopify-versions.ts),
// the way Shopify's server (graphql-ruby) does before it runs anything, with its messages and
// extension codes:
// - static validation: fields on their type, arguments (unknown, required, literal values and
//   input objects), directives (defined, where they may stand, their arguments), variables
//   (declared, used, of an input type, compatible with where they are used), fragments;
// - variable coercion: the values sent for `variables` against their declared types — input
//   object fields that the version does not define, nulls where a value is required, scalars and
//   enums (one INVALID_VARIABLE error per variable, with every problem and its path);
// - the deprecated fields a document used (for X-Shopify-API-Deprecated-Reason).
// A field Shopify has but the simulator does not serve is refused with SIMULATOR_UNSUPPORTED,
// never with Shopify's "doesn't exist" (that would be a lie about Shopify).
import type { Directive, Doc, Operation, Selection, Value } from './graphql.ts';
import type { GqlError } from './gql-engine.ts';
import type { FieldSpec, SchemaSlice, TypeSpec, ValueSpec } from './shopify-versions.ts';

const nonNull = (t: string): boolean => t.endsWith('!');
const nullable = (t: string): string => t.replace(/!$/, '');
const isList = (t: string): boolean => nullable(t).startsWith('[');
const listOf = (t: string): string => nullable(t).slice(1, -1);
const namedOf = (t: string): string => t.replace(/[[\]!]/g, '');
const typeOf = (v: ValueSpec): string => (typeof v === 'string' ? v : v[0]);
const hasDefault = (v: ValueSpec): boolean => typeof v !== 'string';
const INT_MAX = 2 ** 31 - 1;
/** graphql-ruby's names for directive locations in its "can't be applied" message. */
const PLACE: Record<string, string> = { QUERY: 'queries', MUTATION: 'mutations', SUBSCRIPTION: 'subscriptions', FIELD: 'fields', FRAGMENT_SPREAD: 'fragment spreads', INLINE_FRAGMENT: 'inline fragments', FRAGMENT_DEFINITION: 'fragment definitions' };

export interface StaticResult {
  errors: GqlError[];
  /** `Type.field: reason` for every deprecated field the document selects. */
  deprecations: string[];
}

interface Usage {
  name: string;
  type: string;
  locationHasDefault: boolean;
  argument: string;
  line: number;
  column: number;
}

export function validateDocument(doc: Doc, slice: SchemaSlice): StaticResult {
  const errors: GqlError[] = [];
  const deprecations = new Set<string>();
  const T = slice.types;
  for (const op of doc.operations) {
    const opName = op.name ?? `anonymous ${op.kind}`;
    const opKey = op.name ? `${op.kind} ${op.name}` : op.kind;
    const usages: Usage[] = [];
    const declared = new Map(op.varDefs.map((v) => [v.name, v]));
    const opLoc = [{ line: op.line ?? 1, column: op.column ?? 1 }];

    for (const vd of op.varDefs) {
      const t = T[namedOf(vd.type)];
      if (!t || !(t.kind === 'input' || t.kind === 'enum' || t.kind === 'scalar')) {
        errors.push({ message: `${namedOf(vd.type)} isn't a defined input type (on $${vd.name})`, locations: [{ line: vd.line ?? 1, column: vd.column ?? 1 }], path: [opKey], extensions: { code: 'variableRequiresValidType', typeName: namedOf(vd.type), variableName: vd.name } });
      }
    }

    // A literal (or a variable standing for it) where an argument or input field of type `t` goes.
    const literal = (v: Value, t: string, at: { line: number; column: number }, path: (string | number)[], argument: string, locationHasDefault: boolean): boolean => {
      if (v.kind === 'var') {
        usages.push({ name: v.name, type: t, locationHasDefault, argument, ...at });
        return true;
      }
      if (v.kind === 'null') return !nonNull(t);
      if (isList(t)) return v.kind === 'list' ? v.values.every((x) => literal(x, listOf(t), at, path, argument, false)) : literal(v, listOf(t), at, path, argument, false);
      const name = namedOf(t);
      const spec = T[name];
      if (!spec) return true;
      if (spec.kind === 'enum') return v.kind === 'enum' && spec.values.includes(v.value);
      if (spec.kind === 'scalar') return scalarLiteral(name, v);
      if (spec.kind !== 'input') return false;
      if (v.kind !== 'object') return false;
      let ok = true;
      for (const f of v.fields) {
        const def = spec.fields[f.name];
        if (!def) {
          errors.push({ message: `InputObject '${name}' doesn't accept argument '${f.name}'`, locations: [at], path: [...path, f.name], extensions: { code: 'argumentNotAccepted', name, typeName: 'InputObject', argumentName: f.name } });
          continue;
        }
        if (!literal(f.value, typeOf(def), at, [...path, f.name], f.name, hasDefault(def))) ok = false;
      }
      for (const [fname, def] of Object.entries(spec.fields)) {
        if (nonNull(typeOf(def)) && !hasDefault(def) && !v.fields.some((f) => f.name === fname)) {
          errors.push({ message: `Argument '${fname}' on InputObject '${name}' is required. Expected type ${typeOf(def)}`, locations: [at], path: [...path, fname], extensions: { code: 'missingRequiredInputObjectAttribute', argumentName: fname, argumentType: typeOf(def), inputObjectType: name } });
        }
      }
      return ok;
    };

    const checkArgs = (owner: string, kind: 'Field' | 'Directive', given: { name: string; value: Value }[], defs: Record<string, ValueSpec>, at: { line: number; column: number }, path: (string | number)[]): void => {
      const loc = [at];
      for (const a of given) {
        const def = defs[a.name];
        if (!def) {
          errors.push({ message: `${kind} '${owner}' doesn't accept argument '${a.name}'`, locations: loc, path: [...path, a.name], extensions: { code: 'argumentNotAccepted', name: owner, typeName: kind, argumentName: a.name } });
          continue;
        }
        if (!literal(a.value, typeOf(def), at, [...path, a.name], a.name, hasDefault(def))) {
          errors.push({ message: `Argument '${a.name}' on ${kind} '${owner}' has an invalid value (${printValue(a.value)}). Expected type '${typeOf(def)}'.`, locations: loc, path: [...path, a.name], extensions: { code: 'argumentLiteralsIncompatible', typeName: kind, argumentName: a.name } });
        }
      }
      const missing = Object.entries(defs).filter(([n, d]) => nonNull(typeOf(d)) && !hasDefault(d) && !given.some((a) => a.name === n)).map(([n]) => n);
      if (missing.length) errors.push({ message: `${kind} '${owner}' is missing required arguments: ${missing.join(', ')}`, locations: loc, path, extensions: { code: 'missingRequiredArguments', className: kind, name: owner, arguments: missing.join(', ') } });
    };

    const checkDirectives = (dirs: Directive[] | undefined, place: string, fallback: { line: number; column: number }, path: (string | number)[]): void => {
      for (const d of dirs ?? []) {
        const at = { line: d.line ?? fallback.line, column: d.column ?? fallback.column };
        const def = slice.directives[d.name];
        if (!def) {
          errors.push({ message: `Directive @${d.name} is not defined`, locations: [at], path, extensions: { code: 'undefinedDirective', directiveName: d.name } });
          continue;
        }
        if (!def.locations.includes(place)) {
          const allowed = def.locations.map((l) => PLACE[l]).filter(Boolean).join(', ');
          errors.push({ message: `'@${d.name}' can't be applied to ${PLACE[place] ?? place.toLowerCase()} (allowed: ${allowed})`, locations: [at], path, extensions: { code: 'directiveCannotBeApplied', targetName: place.toLowerCase(), name: d.name } });
          continue;
        }
        checkArgs(d.name, 'Directive', d.args, def.args, at, path);
      }
    };

    const seenFragments = new Set<string>();
    const walk = (typeName: string, sels: Selection[], path: (string | number)[]): void => {
      const type = T[typeName];
      for (const s of sels) {
        if (s.kind === 'spread') {
          const fr = doc.fragments.get(s.name);
          checkDirectives(s.directives, 'FRAGMENT_SPREAD', opLoc[0]!, path);
          if (!fr) {
            errors.push({ message: `Fragment ${s.name} was used, but not defined`, locations: opLoc, path, extensions: { code: 'useAndDefineFragment', fragmentName: s.name } });
            continue;
          }
          if (seenFragments.has(s.name)) continue;
          seenFragments.add(s.name);
          if (condition(fr.typeCond, typeName, path)) walk(fr.typeCond, fr.selections, path);
          continue;
        }
        if (s.kind === 'inline') {
          checkDirectives(s.directives, 'INLINE_FRAGMENT', opLoc[0]!, path);
          const cond = s.typeCond ?? typeName;
          if (condition(cond, typeName, path)) walk(cond, s.selections, [...path, `... on ${cond}`]);
          continue;
        }
        const key = s.alias ?? s.name;
        const at = { line: s.line, column: s.column };
        const p = [...path, key];
        checkDirectives(s.directives, 'FIELD', at, p);
        if (s.name === '__typename') continue;
        const fields = type && (type.kind === 'object' || type.kind === 'interface') ? (type.fields ?? {}) : {};
        const def: FieldSpec | undefined = fields[s.name];
        if (!def) {
          const others = type && (type.kind === 'object' || type.kind === 'interface') ? (type.others ?? []) : [];
          if (others.includes(s.name) || (type && !('fields' in type))) {
            errors.push({ message: `Field '${s.name}' on type '${typeName}' is in Shopify's Admin API ${slice.version}, but the simulator does not serve it`, locations: [at], path: p, extensions: { code: 'SIMULATOR_UNSUPPORTED', typeName, fieldName: s.name } });
          } else {
            errors.push({ message: `Field '${s.name}' doesn't exist on type '${typeName}'`, locations: [at], path: p, extensions: { code: 'undefinedField', typeName, fieldName: s.name } });
          }
          continue;
        }
        if (def.deprecated) deprecations.add(`${typeName}.${s.name}: ${def.deprecated}`);
        checkArgs(s.name, 'Field', s.args, def.args ?? {}, at, p);
        const t = namedOf(def.type);
        const composite = isComposite(T[t]);
        if (composite && !s.selections) {
          errors.push({ message: `Field must have selections (field '${s.name}' returns ${t} but has no selections. Did you mean '${s.name} { ... }'?)`, locations: [at], path: p, extensions: { code: 'selectionMismatch', nodeName: `field '${s.name}'`, typeName: t } });
        } else if (!composite && s.selections) {
          errors.push({ message: `Selections can't be made on ${T[t]?.kind === 'enum' ? 'enums' : 'scalars'} (field '${s.name}' returns ${t} but has selections [${s.selections.map((x) => (x.kind === 'field' ? x.name : '...')).join(', ')}])`, locations: [at], path: p, extensions: { code: 'selectionMismatch', nodeName: `field '${s.name}'`, typeName: t } });
        } else if (s.selections) walk(t, s.selections, p);
      }
    };
    /** A fragment on `cond` inside `parent`: the type exists and can be one of the parent's. */
    const condition = (cond: string, parent: string, path: (string | number)[]): boolean => {
      const c = T[cond];
      if (!c) {
        errors.push({ message: `No such type ${cond}, so it can't be a fragment condition`, locations: opLoc, path, extensions: { code: 'undefinedType', typeName: cond } });
        return false;
      }
      const possible = (n: string): string[] => {
        const t = T[n];
        return t && 'possibleTypes' in t && t.possibleTypes ? t.possibleTypes : [n];
      };
      const overlap = possible(cond).some((x) => possible(parent).includes(x));
      if (!overlap) errors.push({ message: `Fragment on ${cond} can't be spread inside ${parent}`, locations: opLoc, path, extensions: { code: 'cannotSpreadFragment', typeName: cond, parentName: parent } });
      return overlap;
    };

    if (op.kind === 'subscription') {
      errors.push({ message: 'Subscriptions are not supported', locations: opLoc, extensions: { code: 'BAD_REQUEST' } });
      continue;
    }
    checkDirectives(op.directives, op.kind === 'mutation' ? 'MUTATION' : 'QUERY', opLoc[0]!, [opKey]);
    walk(op.kind === 'mutation' ? 'Mutation' : 'QueryRoot', op.selections, [opKey]);

    const used = new Set(usages.map((u) => u.name));
    for (const u of usages) {
      const vd = declared.get(u.name);
      if (!vd) {
        errors.push({ message: `Variable $${u.name} is used by ${opName} but not declared`, locations: [{ line: u.line, column: u.column }], path: [opKey], extensions: { code: 'variableNotDefined', variableName: u.name } });
        continue;
      }
      // A nullable variable may fill a required place when the variable or the place has a default.
      const varType = nonNull(u.type) && !nonNull(vd.type) && (vd.defaultValue !== undefined || u.locationHasDefault) ? `${vd.type}!` : vd.type;
      if (!subtype(varType, u.type)) {
        const nullOnly = namedOf(varType) === namedOf(u.type) && subtype(`${nullable(varType)}!`, `${nullable(u.type)}!`);
        const what = nullOnly ? 'Nullability mismatch' : 'Type mismatch';
        errors.push({ message: `${what} on variable $${u.name} and argument ${u.argument} (${vd.type} / ${u.type})`, locations: [{ line: u.line, column: u.column }], path: [opKey], extensions: { code: 'variableMismatch', variableName: u.name, typeName: vd.type, argumentName: u.argument, errorMessage: what } });
      }
    }
    for (const vd of op.varDefs) {
      if (!used.has(vd.name)) errors.push({ message: `Variable $${vd.name} is declared by ${opName} but not used`, locations: [{ line: vd.line ?? 1, column: vd.column ?? 1 }], path: [opKey], extensions: { code: 'variableNotUsed', variableName: vd.name } });
    }
  }
  return { errors, deprecations: [...deprecations] };
}

function isComposite(t: TypeSpec | undefined): boolean {
  return !!t && (t.kind === 'object' || t.kind === 'interface' || t.kind === 'union');
}

/** Spec "IsTypeSubTypeOf" for input types: a variable of type `a` may stand where `b` goes. */
function subtype(a: string, b: string): boolean {
  if (nonNull(b)) return nonNull(a) && subtype(nullable(a), nullable(b));
  if (nonNull(a)) return subtype(nullable(a), b);
  if (isList(b)) return isList(a) && subtype(listOf(a), listOf(b));
  if (isList(a)) return false;
  return a === b;
}

function scalarLiteral(name: string, v: Value): boolean {
  switch (name) {
    case 'Int':
      return v.kind === 'int' && Math.abs(Number(v.value)) <= INT_MAX;
    case 'Float':
      return v.kind === 'int' || v.kind === 'float';
    case 'String':
      return v.kind === 'string';
    case 'Boolean':
      return v.kind === 'bool';
    case 'ID':
      return v.kind === 'string' || v.kind === 'int';
    case 'JSON':
      return true;
    default:
      // Shopify's own scalars (URL, DateTime, Money, Decimal, HTML, UnsignedInt64, ...) are
      // written as strings; Money and Decimal also take numbers.
      return v.kind === 'string' || ((name === 'Money' || name === 'Decimal') && (v.kind === 'int' || v.kind === 'float'));
  }
}

function printValue(v: Value): string {
  switch (v.kind) {
    case 'var':
      return `$${v.name}`;
    case 'string':
      return JSON.stringify(v.value);
    case 'int':
    case 'float':
    case 'enum':
      return v.value;
    case 'bool':
      return String(v.value);
    case 'null':
      return 'null';
    case 'list':
      return `[${v.values.map(printValue).join(', ')}]`;
    case 'object':
      return `{${v.fields.map((f) => `${f.name}: ${printValue(f.value)}`).join(', ')}}`;
  }
}

interface Problem {
  path: (string | number)[];
  explanation: string;
}

/** Coerces `variables` against the operation's declarations (graphql-ruby's VariableValidationError). */
export function coerceVariables(op: Operation, vars: Record<string, unknown>, slice: SchemaSlice): GqlError[] {
  const errors: GqlError[] = [];
  for (const vd of op.varDefs) {
    const problems: Problem[] = [];
    const given = vars[vd.name];
    if (given === undefined && vd.defaultValue !== undefined) continue;
    coerce(given, vd.type, [], problems, slice);
    if (!problems.length) continue;
    const fields = problems.filter((p) => p.path.length > 0).map((p) => `${p.path.join('.')} (${p.explanation})`);
    errors.push({
      message: `Variable $${vd.name} of type ${vd.type} was provided invalid value${fields.length ? ` for ${fields.join(', ')}` : ''}`,
      locations: [{ line: vd.line ?? 1, column: vd.column ?? 1 }],
      extensions: { code: 'INVALID_VARIABLE', value: given ?? null, problems },
    });
  }
  return errors;
}

function coerce(value: unknown, t: string, path: (string | number)[], problems: Problem[], slice: SchemaSlice): void {
  if (value === undefined || value === null) {
    if (nonNull(t)) problems.push({ path, explanation: 'Expected value to not be null' });
    return;
  }
  if (isList(t)) {
    if (Array.isArray(value)) value.forEach((x, i) => coerce(x, listOf(t), [...path, i], problems, slice));
    else coerce(value, listOf(t), path, problems, slice);
    return;
  }
  const name = namedOf(t);
  const spec = slice.types[name];
  if (!spec) return;
  const bad = (explanation: string): void => void problems.push({ path, explanation });
  if (spec.kind === 'enum') {
    if (typeof value !== 'string' || !spec.values.includes(value)) bad(`Expected ${JSON.stringify(value)} to be one of: ${spec.values.join(', ')}`);
    return;
  }
  if (spec.kind === 'scalar') {
    if (!scalarValue(name, value)) bad(`Could not coerce value ${JSON.stringify(value)} to ${name}`);
    return;
  }
  if (spec.kind !== 'input') return;
  if (typeof value !== 'object' || Array.isArray(value)) return bad(`Expected ${JSON.stringify(value)} to be a key-value object.`);
  const obj = value as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (!(k in spec.fields)) problems.push({ path: [...path, k], explanation: `Field is not defined on ${name}` });
  for (const [k, def] of Object.entries(spec.fields)) {
    if (obj[k] === undefined && hasDefault(def)) continue;
    coerce(obj[k], typeOf(def), [...path, k], problems, slice);
  }
  if (spec.oneOf && Object.values(obj).filter((x) => x !== undefined && x !== null).length !== 1) bad(`'${name}' requires exactly one argument`);
}

function scalarValue(name: string, v: unknown): boolean {
  switch (name) {
    case 'Int':
      return Number.isInteger(v) && Math.abs(v as number) <= INT_MAX;
    case 'Float':
      return typeof v === 'number' && Number.isFinite(v);
    case 'String':
      return typeof v === 'string';
    case 'Boolean':
      return typeof v === 'boolean';
    case 'ID':
      return typeof v === 'string' || Number.isInteger(v);
    case 'JSON':
      return true;
    default:
      return typeof v === 'string' || ((name === 'Money' || name === 'Decimal' || name === 'UnsignedInt64') && typeof v === 'number');
  }
}

/** Mutations this version requires `@idempotent(key:)` on (Shopify: "required from 2026-04"),
 *  checked when the field runs: the schema itself does not mark the directive required. */
export function idempotencyRequired(slice: SchemaSlice, field: string): boolean {
  const from = slice.idempotent[field];
  return from !== undefined && from !== null && (slice.version === 'unstable' || slice.version >= from);
}
