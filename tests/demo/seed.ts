// Seeds the demo for `npm start`: shops in the demo marketplace (the platform simulator) and, in
// the extension, what a seller would have set up — a "Demo warehouse", system products with stock
// for about 60 % of the demo shops' SKUs (so a download connects some listings by SKU and leaves
// the rest unconnected), and one connected store per platform, downloading.
//
// Everything goes through commands, exactly as the dashboard sends them (`send`), so it runs the
// same against a launched extension page (npm start, the browser tier) as anywhere else.
import { createDemoShop, demoConnectPayload, DEMO_SIM_URL, type DemoShop } from '../../lib/demo/marketplace';
import { PLATFORMS, type Platform } from '../../lib/platforms/types';

export type Envelope = { ok: true; data: any } | { ok: false; error: { code: string; message: string } };
export type Send = (type: string, payload?: unknown) => Promise<Envelope>;

export interface SeedOptions {
  send: Send;
  simUrl?: string;
  platforms?: readonly Platform[];
  /** Start a full download of each new store (default true). */
  download?: boolean;
  /** Wait until those downloads end (default false: the dashboard shows their progress). */
  waitForDownloads?: boolean;
  log?: (line: string) => void;
}

export interface SeedResult {
  skipped: boolean;
  reason?: string;
  warehouseId?: number;
  products: number;
  stores: { id: number; name: string; platform: Platform; jobId?: number }[];
  /** Stores of an earlier demo marketplace (it keeps shops in memory only) replaced by fresh ones. */
  replaced: number;
}

export const DEMO_WAREHOUSE = { name: 'Demo warehouse', code: 'DEMO' };
/** SKU DEMO-n gets a system product when n mod 5 is 0, 1 or 2: 60 % of them, spread over the listings. */
export const hasSystemProduct = (sku: string) => {
  const n = Number(/-(\d+)$/.exec(sku)?.[1]);
  return Number.isInteger(n) && n % 5 < 3;
};
/** A stock level that looks like a warehouse: some low, some zero, most comfortable. */
export const demoStock = (sku: string) => {
  const n = Number(/-(\d+)$/.exec(sku)?.[1] ?? 0);
  return n % 11 === 0 ? 0 : (n * 37) % 140 + 3;
};

async function must(send: Send, type: string, payload?: unknown): Promise<any> {
  const answer = await send(type, payload ?? {});
  if (!answer.ok) throw new Error(`${type} refused: ${answer.error.code} ${answer.error.message}`);
  return answer.data;
}

async function simGet<T>(simUrl: string, path: string): Promise<T> {
  const res = await fetch(`${simUrl}${path}`);
  if (!res.ok) throw new Error(`demo marketplace GET ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

interface SimItem { itemId: string; title: string; variants: { variantId: string; sellerSku: string; stock: number; price: number }[] }

export async function seedDemo(opts: SeedOptions): Promise<SeedResult> {
  const { send } = opts;
  const simUrl = opts.simUrl ?? DEMO_SIM_URL;
  const log = opts.log ?? (() => undefined);
  const platforms = opts.platforms ?? PLATFORMS;

  // Only the first time: a profile that has stores keeps them. The exception is demo stores whose
  // shops the demo marketplace no longer has (it keeps them in memory, so a restart empties it):
  // those could never be reached again and are replaced by fresh demo shops.
  const existing = (await must(send, 'stores.list')).items as { id: number; name: string; endpoints: { apiBaseUrl: string } }[];
  const onSim = existing.filter((s) => s.endpoints.apiBaseUrl.startsWith(`${simUrl}/`));
  const simShops = await simGet<unknown[]>(simUrl, '/__sim/shops');
  let replaced = 0;
  if (existing.length) {
    if (onSim.length === 0 || simShops.length > 0) return { skipped: true, reason: `${existing.length} stores already connected in this profile`, products: 0, stores: [], replaced };
    log(`The demo marketplace started empty: replacing ${onSim.length} demo stores of an earlier run with fresh demo shops.`);
    for (const s of onSim) await must(send, 'stores.remove', { id: s.id });
    replaced = onSim.length;
  }

  // 1. The demo marketplace's shops (the same SKUs DEMO-1 … on every platform).
  const shops: DemoShop[] = [];
  for (const platform of platforms) shops.push(await createDemoShop(platform, { simUrl }));
  log(`Demo shops: ${shops.map((s) => s.name).join(', ')}`);

  // 2. A warehouse, and system products with stock for ~60 % of the SKUs.
  const warehouses = (await must(send, 'warehouses.list')).items as { id: number; name: string }[];
  const warehouse = warehouses.find((w) => w.name === DEMO_WAREHOUSE.name) ?? (await must(send, 'warehouses.create', DEMO_WAREHOUSE));
  const bySku = new Map<string, { name: string; price: number }>();
  for (const shop of shops) {
    for (const item of await simGet<SimItem[]>(simUrl, `/__sim/shops/${encodeURIComponent(shop.shopId)}/items`)) {
      item.variants.forEach((v, i) => {
        if (!bySku.has(v.sellerSku)) bySku.set(v.sellerSku, { name: item.variants.length > 1 ? `${item.title} (${i + 1})` : item.title, price: v.price });
      });
    }
  }
  let products = 0;
  for (const [sku, p] of [...bySku].filter(([s]) => hasSystemProduct(s))) {
    const made = await send('products.create', { sku, name: p.name, price: p.price });
    if (!made.ok && made.error.code !== 'sku_taken') throw new Error(`products.create ${sku} refused: ${made.error.message}`);
    if (made.ok) products++;
    await must(send, 'inventory.adjust', { warehouseId: warehouse.id, sku, onHand: demoStock(sku), reason: 'Demo stock', idempotencyKey: `demo-seed:${sku}` });
  }
  log(`${DEMO_WAREHOUSE.name}: ${products} system products with stock (of ${bySku.size} demo SKUs).`);

  // 3. One store per shop, connected like a seller pasting credentials, then downloaded.
  const stores: SeedResult['stores'] = [];
  for (const shop of shops) {
    const store = await must(send, 'stores.connect', demoConnectPayload(shop));
    const entry: SeedResult['stores'][number] = { id: store.id, name: store.name, platform: shop.platform };
    if (opts.download !== false) entry.jobId = (await must(send, 'stores.download', { id: store.id, mode: 'full' })).jobId;
    stores.push(entry);
  }
  log(`Connected ${stores.map((s) => s.name).join(', ')}${opts.download !== false ? ', downloading their listings' : ''}.`);

  if (opts.waitForDownloads) {
    for (const s of stores.filter((x) => x.jobId)) {
      for (;;) {
        const job = await must(send, 'jobs.get', { id: s.jobId });
        if (job.status === 'failed') throw new Error(`Downloading ${s.name} failed: ${job.error?.message}`);
        if (job.status === 'succeeded') break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
  return { skipped: false, warehouseId: warehouse.id, products, stores, replaced };
}
