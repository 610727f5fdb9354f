// Drafts tests' helpers. fillDestination fills what a destination marketplace asks of a draft, the
// way the dashboard would: through the
// catalog.* commands (a category found by words, its required attributes given their first listed
// value or a typed one, the first real brand, the shop's enabled channels / default sales
// warehouse), saved with drafts.update. Answers the saved draft and what was chosen.
import type { CommandOutput } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import { drainJobs } from '@/lib/jobs/runner';
import { ok } from '../../helpers/background';
import type { Simulator } from '../../helpers/simulator';

type Draft = CommandOutput<'drafts.get'>;

export interface Filled {
  draft: Draft;
  categoryId: string | null;
  /** Attribute id → the value sent (an option's id where it has one) and its name. */
  attributes: Record<string, { value: string; name: string }>;
  brand: { id: string; name: string } | null;
}

export async function fillDestination(draftId: number, categoryWords: string, extra: Partial<Parameters<typeof ok<'drafts.update'>>[1]> = {}): Promise<Filled> {
  const draft = await ok('drafts.get', { id: draftId });
  const categories = await ok('catalog.categories', { storeId: draft.storeId, q: categoryWords });
  if (!categories.supported) return { draft: await ok('drafts.update', { id: draftId, version: draft.version, ...extra }), categoryId: null, attributes: {}, brand: null };
  const leaf = categories.items.find((c) => c.leaf);
  if (!leaf) throw new Error(`no leaf category for "${categoryWords}"`);
  const attrs = await ok('catalog.attributes', { storeId: draft.storeId, categoryId: leaf.id });
  const attributes: Filled['attributes'] = {};
  for (const a of attrs.items.filter((x) => x.required)) {
    const name = a.options[0]?.name ?? (a.inputType === 'number' ? '12' : 'Plain');
    attributes[a.id] = { value: a.options[0]?.id ?? name, name };
  }
  const brands = await ok('catalog.brands', { storeId: draft.storeId, categoryId: leaf.id });
  const brand = brands.items.find((b) => b.id !== '0') ?? null;
  const logistics = await ok('catalog.logistics', { storeId: draft.storeId });
  const warehouses = await ok('catalog.warehouses', { storeId: draft.storeId });
  const saved = await ok('drafts.update', {
    id: draftId,
    version: draft.version,
    categoryId: leaf.id,
    attributes: Object.entries(attributes).map(([id, a]) => ({ id, value: a.value })),
    ...(brand ? { brandId: brand.id, brand: brand.name } : {}),
    ...(logistics.supported ? { logisticsChannelIds: logistics.items.filter((c) => c.enabled).map((c) => c.id) } : {}),
    ...(warehouses.supported ? { warehouseId: warehouses.items.find((w) => w.kind === 'sales' && w.isDefault)!.id } : {}),
    ...extra,
  });
  return { draft: saved, categoryId: leaf.id, attributes, brand };
}

export interface ReleaseOutcome {
  released: number;
  failed: number;
  results: { ok: boolean; error?: string; field?: string; code?: string; fields?: string[] }[];
}

/** Releases drafts and waits for the job: its result. */
export async function releaseDrafts(db: ShelfsyncDB, draftIds: number[]): Promise<ReleaseOutcome> {
  const { jobId } = await ok('drafts.release', { draftIds });
  await drainJobs(db);
  return (await ok('jobs.get', { id: jobId })).result as ReleaseOutcome;
}

/** Every call a simulated shop has answered (to tell that a refusal made none). */
export async function totalCalls(sim: Simulator, shopId: string): Promise<number> {
  return Object.values((await sim.stats(shopId)).calls).reduce((a, b) => a + b, 0);
}
