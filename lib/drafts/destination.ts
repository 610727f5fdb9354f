// What release does for a marketplace before its create call: read the destination's catalogue
// (from the day's copy when there is one) so validation knows every required part; put the
// draft's images into the platform's hosting, once each — every hosted image is saved on the
// draft at once, so a release that stops half-way uploads only the rest next time; and build the
// listing with the hosted images and the attributes as the platform takes them.
import { CommandError } from '../commands/errors';
import { categoriesOf, channelsOf, rulesOf, warehousesOf } from '../catalog/catalog';
import type { ShelfsyncDB } from '../db/database';
import type { DraftRow, StoreRow } from '../db/types';
import { hasHostAccess, originPattern } from '../permissions/hosts';
import type { CategoryRules, HostedImage, NewListing, Platform, PlatformAdapter } from '../platforms/types';
import { MARKETPLACES, optionFor, valuesOf } from './catalogChecks';
import { LIMITS } from './limits';
import { listingOf } from './listing';
import { profileOf } from '../platforms/profiles';

/** Reads what validation needs; a category that is not a leaf is left for validation to tell. */
export async function loadCatalogFor(db: ShelfsyncDB, store: StoreRow, draft: DraftRow, now: number): Promise<CategoryRules | undefined> {
  if (!MARKETPLACES.has(store.platform)) return undefined;
  await categoriesOf(db, store.id, now);
  if (store.platform === 'shopee') await channelsOf(db, store.id, now);
  if (store.platform === 'tiktok') await warehousesOf(db, store.id, now);
  const categoryId = draft.categoryId?.trim();
  if (!categoryId) return undefined;
  try {
    const rules = await rulesOf(db, store.id, categoryId, now);
    return rules.supported ? rules.data : undefined;
  } catch (err) {
    if (err instanceof CommandError && (err.code === 'not_leaf' || err.code === 'invalid_category')) return undefined;
    throw err;
  }
}

/** The images a release sends, in the draft's order (as many as the platform takes). */
export function imagesToHost(draft: Pick<DraftRow, 'imageUrls'>, store: StoreRow): string[] {
  return draft.imageUrls.slice(0, LIMITS[store.platform].imagesMax);
}


/** The image sites the background may not read yet (an optional host permission the page asks
 *  for with a user gesture): without it the fetch fails, so release says so first. */
export async function imageHostsToAllow(platform: Platform, urls: string[], uploads: DraftRow['uploads']): Promise<string[]> {
  // Only a platform whose upload takes the bytes (its profile) needs the background to read them.
  if (!profileOf(platform).api.uploadsImageBytes) return [];
  const out = new Set<string>();
  for (const url of urls) {
    if (uploads?.[url] || !/^https?:\/\//i.test(url)) continue;
    if (!(await hasHostAccess(url))) out.add(originPattern(url));
  }
  return [...out];
}

/** Hosts each image not hosted yet, saving it on the draft as it goes; `hosted` wraps the call
 *  (retries of throttling). An ImageError (or any failure) stops at that image. */
export async function hostImages(db: ShelfsyncDB, draftId: number, urls: string[], adapter: PlatformAdapter, hosted: (url: string) => Promise<HostedImage>): Promise<Record<string, HostedImage>> {
  if (!adapter.hostImage) return {};
  let uploads = (await db.drafts.get(draftId))?.uploads ?? {};
  for (const url of urls) {
    if (uploads[url]) continue;
    const image = await hosted(url);
    uploads = await db.transaction('rw', db.drafts, async () => {
      const current = (await db.drafts.get(draftId))?.uploads ?? {};
      const next = { ...current, [url]: { ...image, at: Date.now() } };
      await db.drafts.update(draftId, { uploads: next });
      return next;
    });
  }
  return uploads;
}

/** The listing for the adapter: the draft's content, the hosted images, the attributes the
 *  category has (an option by its id where the platform numbers them; others dropped — a
 *  category change leaves the old category's ones behind), brand, channels, warehouse. */
export type ListingDraft = Parameters<typeof listingOf>[0] & Partial<Pick<DraftRow, 'attributes' | 'brandId' | 'logisticsChannelIds' | 'warehouseId'>>;

export function destinationListing(draft: ListingDraft, rules: CategoryRules | undefined, uploads: Record<string, HostedImage>, urls: string[]): NewListing {
  const listing = listingOf(draft);
  const images = urls.map((u) => uploads[u]).filter((i): i is HostedImage => !!i);
  const given = new Map((draft.attributes ?? []).map((a) => [a.id, a]));
  const attributes = (rules?.attributes ?? []).flatMap((def) => {
    const values = valuesOf(given.get(def.id));
    if (!values.length) return [];
    return [{ id: def.id, level: def.level, values: values.map((v) => optionFor(def, v) ?? { name: v }) }];
  });
  return {
    ...listing,
    ...(images.length ? { images } : {}),
    ...(attributes.length ? { attributes } : {}),
    ...(draft.brandId ? { brandId: draft.brandId } : {}),
    ...(draft.logisticsChannelIds?.length ? { logisticsChannelIds: draft.logisticsChannelIds } : {}),
    ...(draft.warehouseId ? { warehouseId: draft.warehouseId } : {}),
  };
}
