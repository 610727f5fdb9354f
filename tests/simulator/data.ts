// Deterministic seeded data: same seed → same items, SKUs, prices, stock and ids.
// PRNG: mulberry32 (public-domain 32-bit generator), written out here.
import type { Platform } from './util.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** Mix a seed with a stream label so independent streams do not correlate. */
export function streamSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Monotonic id sequence with random gaps; deterministic for a seed and a label. */
export class IdGen {
  private last: number;
  private readonly rnd: () => number;
  constructor(
    seed: number,
    label: string,
    start: number,
    private readonly maxGap: number,
    private readonly prefix = '',
    private readonly pad = 0,
  ) {
    this.rnd = mulberry32(streamSeed(seed, label));
    this.last = start + Math.floor(this.rnd() * maxGap * 1000);
  }
  next(): string {
    this.last += 1 + Math.floor(this.rnd() * this.maxGap);
    const s = String(this.last);
    return this.prefix + (this.pad ? s.padStart(this.pad, '0') : s);
  }
}

export interface IdGens {
  item: IdGen;
  variant: IdGen;
  /** Shopify inventory items. */
  inventory: IdGen;
}
/** Platform-shaped id generators: Shopee int64-ish numbers, Lazada numbers, TikTok 19-digit
 * strings, Shopify numeric ids (exposed as GIDs), WooCommerce small ints shared by products and
 * variations (WordPress posts). */
export function idGens(platform: Platform, seed: number): IdGens {
  switch (platform) {
    case 'shopee':
      return {
        item: new IdGen(seed, 'item', 20_000_000_000, 997),
        variant: new IdGen(seed, 'variant', 100_000_000_000, 97),
        inventory: new IdGen(seed, 'inv', 1, 1),
      };
    case 'lazada':
      return {
        item: new IdGen(seed, 'item', 3_000_000_000, 499),
        variant: new IdGen(seed, 'variant', 14_000_000_000, 97),
        inventory: new IdGen(seed, 'inv', 1, 1),
      };
    case 'tiktok':
      return {
        item: new IdGen(seed, 'item', 100_000_000_000_000, 9_973, '1729', 15),
        variant: new IdGen(seed, 'variant', 100_000_000_000_000, 997, '1730', 15),
        inventory: new IdGen(seed, 'inv', 1, 1),
      };
    case 'shopify':
      return {
        item: new IdGen(seed, 'item', 8_000_000_000_000, 9_973),
        variant: new IdGen(seed, 'variant', 45_000_000_000_000, 997),
        inventory: new IdGen(seed, 'inv', 47_000_000_000_000, 997),
      };
    case 'woocommerce': {
      const shared = new IdGen(seed, 'post', 10, 3);
      return { item: shared, variant: shared, inventory: new IdGen(seed, 'inv', 1, 1) };
    }
  }
}

export interface VariantSpec {
  sellerSku: string;
  price: number;
  stock: number;
  option: string;
}
export interface ItemSpec {
  title: string;
  description: string;
  active: boolean;
  tierName: string;
  variants: VariantSpec[];
  createdAt: number;
  updatedAt: number;
  /** Image name (not a URL). */
  image: string;
}

const ADJ = ['Classic', 'Organic', 'Premium', 'Compact', 'Vintage', 'Eco', 'Deluxe', 'Everyday', 'Smart', 'Handmade', 'Soft', 'Sturdy'];
const MAT = ['Cotton', 'Bamboo', 'Steel', 'Ceramic', 'Leather', 'Linen', 'Oak', 'Glass', 'Wool', 'Silicone'];
const NOUN = ['T-Shirt', 'Water Bottle', 'Backpack', 'Mug', 'Notebook', 'Desk Lamp', 'Phone Case', 'Tote Bag', 'Sneakers', 'Scarf', 'Cutting Board', 'Candle', 'Headphones', 'Wallet', 'Plant Pot'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];

/** Generate `count` items. Variant SKUs are `${skuPrefix}-${n}` with n counting from `firstSkuNo`. */
export function generateItems(opts: {
  seed: number;
  count: number;
  variantsPerItem: number;
  skuPrefix: string;
  now: number;
  firstSkuNo?: number;
}): ItemSpec[] {
  const rnd = mulberry32(streamSeed(opts.seed, 'items'));
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const out: ItemSpec[] = [];
  let skuNo = opts.firstSkuNo ?? 1;
  const vpi = Math.max(1, Math.floor(opts.variantsPerItem));
  const span = 90 * 86_400_000; // creation times spread over the last 90 days
  for (let i = 0; i < opts.count; i++) {
    const title = `${pick(ADJ)} ${pick(MAT)} ${pick(NOUN)} ${100 + Math.floor(rnd() * 900)}`;
    const base = 5 + Math.floor(rnd() * 295) + (rnd() < 0.5 ? 0.9 : 0);
    const active = rnd() >= 0.05;
    const createdAt = opts.now - span + Math.floor(((i + rnd()) / Math.max(1, opts.count)) * (span - 3_600_000));
    const updatedAt = createdAt + Math.floor(rnd() * (opts.now - createdAt) * 0.5);
    const tierName = vpi <= SIZES.length ? 'Size' : 'Option';
    const variants: VariantSpec[] = [];
    for (let k = 0; k < vpi; k++) {
      const price = k === 0 ? base : Math.round((base + k * (1 + Math.floor(rnd() * 5))) * 100) / 100;
      variants.push({
        sellerSku: `${opts.skuPrefix}-${skuNo++}`,
        price,
        stock: Math.floor(rnd() * 201),
        option: vpi === 1 ? '' : tierName === 'Size' ? SIZES[k]! : `Option ${k + 1}`,
      });
    }
    out.push({
      title,
      description: `${title}. Simulated listing generated from seed ${opts.seed}.`,
      active,
      tierName,
      variants,
      createdAt,
      updatedAt,
      // A name: shops.ts makes it the platform's own image URL (media.ts serves it).
      image: `seed-${opts.seed}-${i}`,
    });
  }
  return out;
}
