// A price more than ten times higher or lower than the one saved is far more often a slip
// ("601,226" for 60.12) than a decision: the edit page asks before autosave keeps it.
import type { DraftPatch } from './fields';

export const JUMP_FACTOR = 10;

export interface PriceJump {
  /** `price` or `variants.<i>.price`. */
  field: string;
  /** The variant's number (1-based) and SKU, for the question; absent for the listing's price. */
  variant?: { n: number; sku: string };
  from: number;
  to: number;
}

type Prices = Pick<DraftPatch, 'price'> & { variants: Pick<DraftPatch['variants'][number], 'sellerSku' | 'price'>[] };

/** Exactly tenfold is not asked about; the margin keeps 60.12 → 601.2 (float 10.000000000000002) out. */
const LIMIT = JUMP_FACTOR * (1 + 1e-9);
const jumped = (from: number, to: number) => from > 0 && to > 0 && (to / from > LIMIT || from / to > LIMIT);

/** The prices in `next` that moved more than tenfold from `saved`. Variants are matched by
 *  position while none was added or removed, else by seller SKU. */
export function priceJumps(saved: Prices, next: Prices): PriceJump[] {
  const out: PriceJump[] = [];
  if (jumped(saved.price, next.price)) out.push({ field: 'price', from: saved.price, to: next.price });
  const sameRows = saved.variants.length === next.variants.length;
  next.variants.forEach((v, i) => {
    const before = sameRows ? saved.variants[i] : saved.variants.find((s) => s.sellerSku.trim() && s.sellerSku.trim() === v.sellerSku.trim());
    if (before && jumped(before.price, v.price)) out.push({ field: `variants.${i}.price`, variant: { n: i + 1, sku: v.sellerSku.trim() }, from: before.price, to: v.price });
  });
  return out;
}

export const jumpKey = (j: Pick<PriceJump, 'field' | 'to'>) => `${j.field}=${j.to}`;
