// The import-direction check `npm run check` runs (ARCHITECTURE.md, "Layers"): every import in
// entrypoints/, components/ and lib/ points down the layers, and a feature imports another
// feature only where ARCHITECTURE.md's table says it may. Type-only imports count too: a type
// drags its module's whole meaning along. Exits 1 naming every import that breaks a rule.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** From the top down; an import may only point to a lower layer (or within its own part). */
export const LAYERS = ['entry', 'ui', 'composition', 'feature', 'kernel'] as const;
export type Layer = (typeof LAYERS)[number];

/** lib/ parts every feature builds on: they import no feature (nor anything above). */
export const KERNEL = ['commands', 'db', 'platforms', 'log', 'i18n', 'jobs', 'csv', 'naturalSort', 'permissions'];
/** The start-up layer: the command catalog, the registered parts, the worker's wiring. */
export const COMPOSITION = ['background'];

export interface Part {
  layer: Layer;
  /** `lib/<name>` for lib parts (a top-level lib file counts as its own part), else the layer. */
  name: string;
}

export function partOf(file: string): Part | null {
  const [top, second] = file.split('/');
  if (top === 'entrypoints') return { layer: 'entry', name: 'entrypoints' };
  if (top === 'components') return { layer: 'ui', name: 'components' };
  if (top !== 'lib' || !second) return null;
  const name = second.replace(/\.tsx?$/, '');
  if (KERNEL.includes(name)) return { layer: 'kernel', name };
  if (COMPOSITION.includes(name)) return { layer: 'composition', name };
  return { layer: 'feature', name };
}

export interface Edge {
  from: string;
  to: string;
}

/** Why an import breaks the rules, or null when it keeps them. `allowed`: feature → the features
 *  it may import. */
export function violation(edge: Edge, allowed: ReadonlyMap<string, ReadonlySet<string>>): string | null {
  const a = partOf(edge.from);
  const b = partOf(edge.to);
  if (!a || !b || a.name === b.name) return null;
  const up = LAYERS.indexOf(b.layer) < LAYERS.indexOf(a.layer);
  if (up) return `${a.layer} imports ${b.layer} (${b.name}): imports point down only`;
  if (a.layer === 'feature' && b.layer === 'feature' && !allowed.get(a.name)?.has(b.name)) {
    return `feature ${a.name} imports feature ${b.name}, which ARCHITECTURE.md's table does not allow`;
  }
  return null;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every relative or `@/` import in a source text, resolved to a path under `root`. */
export function importsOf(root: string, file: string, source: string): Edge[] {
  const out: Edge[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]!;
    let base: string;
    if (spec.startsWith('@/')) base = join(root, spec.slice(2));
    else if (spec.startsWith('.')) base = resolve(dirname(join(root, file)), spec);
    else continue;
    const target = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((c) => existsSync(c) && statSync(c).isFile());
    out.push({ from: file, to: relative(root, target ?? base) });
  }
  return out;
}

/** The table between the `layers:` markers: `| \`feature\` | \`other\`, \`another\` |`. */
export function allowedFeatures(markdown: string): Map<string, Set<string>> {
  const block = /<!-- layers:begin -->([\s\S]*?)<!-- layers:end -->/.exec(markdown);
  if (!block) throw new Error('ARCHITECTURE.md has no <!-- layers:begin --> … <!-- layers:end --> table');
  const out = new Map<string, Set<string>>();
  for (const line of block[1]!.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!name) continue;
    out.set(name, new Set([...(cells[2] ?? '').matchAll(/`([^`]+)`/g)].map((x) => x[1]!)));
  }
  return out;
}

function sources(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(root, path));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

export function check(root: string): string[] {
  const allowed = allowedFeatures(readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8'));
  const problems: string[] = [];
  for (const file of ['entrypoints', 'components', 'lib'].flatMap((d) => sources(root, d))) {
    for (const edge of importsOf(root, file, readFileSync(join(root, file), 'utf8'))) {
      const why = violation(edge, allowed);
      if (why) problems.push(`${edge.from} → ${edge.to}: ${why}`);
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = check(resolve(dirname(fileURLToPath(import.meta.url)), '../..'));
  for (const p of problems) console.error(p);
  if (problems.length) {
    console.error(`\n${problems.length} import(s) against the layers (ARCHITECTURE.md, "Layers").`);
    process.exit(1);
  }
}
