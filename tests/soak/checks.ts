// The soak's end checks, against a truth computed outside Shelfsync:
//  - every listing on every platform shows the rule's number (100 % of sellable in the soak
//    warehouse) where sellable = max(0, on hand − reserved): on hand from the soak's record of the
//    seller's answered changes minus the units of orders that shipped, reserved = units of open
//    orders — orders as the simulator holds them (GET /__sim/shops/{id}/orders), final statuses;
//  - every order applied exactly once: its ledger movements (reference order:<store>:<order id>)
//    sum to the effect its final status calls for, and never reserve more than its units.
import type { Page } from 'playwright-core';
import { simControl, type SimHandle } from '../e2e/support/world';
import type { NeutralStatus, SoakShop } from './buyers';

export interface FinalOrder { shop: SoakShop; orderId: string; status: NeutralStatus; lines: { sellerSku: string; quantity: number }[] }

/** ORDERS.md line states by final status (the soak's stores reserve unpaid orders, do not restock returns). */
function expectedEffect(status: NeutralStatus, units: number): { onHand: number; reserved: number } {
  switch (status) {
    case 'unpaid':
    case 'paid':
      return { onHand: 0, reserved: units };
    case 'shipped':
    case 'delivered':
    case 'returned':
      return { onHand: -units, reserved: 0 };
    case 'cancelled':
      return { onHand: 0, reserved: 0 };
  }
}

/** The number each SKU must show on every platform. */
export function truthNumbers(record: Map<string, number>, orders: FinalOrder[]): Map<string, number> {
  const onHand = new Map(record);
  const reserved = new Map<string, number>();
  for (const o of orders) {
    for (const l of o.lines) {
      const e = expectedEffect(o.status, l.quantity);
      onHand.set(l.sellerSku, (onHand.get(l.sellerSku) ?? 0) + e.onHand);
      reserved.set(l.sellerSku, (reserved.get(l.sellerSku) ?? 0) + e.reserved);
    }
  }
  return new Map([...onHand].map(([sku, n]) => [sku, Math.max(0, n - (reserved.get(sku) ?? 0))]));
}

export async function platformMismatches(sim: SimHandle, shops: SoakShop[], truth: Map<string, number>, uncertain: Set<string>) {
  let checked = 0;
  let mismatches = 0;
  let skipped = 0;
  const examples: string[] = [];
  for (const s of shops) {
    const items = await simControl<{ variants: { sellerSku: string; stock: number }[] }[]>(sim, 'GET', `/__sim/shops/${s.shopId}/items`);
    for (const v of items.flatMap((i) => i.variants)) {
      if (uncertain.has(v.sellerSku)) {
        skipped++;
        continue;
      }
      checked++;
      // A SKU never given stock has no level row: its number is 0.
      const expected = truth.get(v.sellerSku) ?? 0;
      if (v.stock !== expected) {
        mismatches++;
        if (examples.length < 10) examples.push(`${s.platform} ${v.sellerSku}: platform ${v.stock}, expected ${expected}`);
      }
    }
  }
  return { checked, mismatches, skipped, examples };
}

/** Order movements in the extension's ledger, summed per reference (read straight from IndexedDB). */
async function ledgerByReference(page: Page): Promise<Map<string, { onHand: number; reserved: number; reservedUp: number; rows: number }>> {
  // Plain code in the page (no named inner functions: tsx would wrap them in a helper the page lacks).
  const rows: { reference: string; dOnHand: number; dReserved: number }[] = await page.evaluate(async () => {
    const open = indexedDB.open('shelfsync');
    const db: IDBDatabase = await new Promise((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
    const req = db.transaction(['movements'], 'readonly').objectStore('movements').getAll();
    const all: { reference: string | null; before: { onHand: number; reserved: number }; after: { onHand: number; reserved: number } }[] = await new Promise((res) => { req.onsuccess = () => res(req.result); });
    db.close();
    return all.filter((m) => m.reference?.startsWith('order:')).map((m) => ({ reference: m.reference!, dOnHand: m.after.onHand - m.before.onHand, dReserved: m.after.reserved - m.before.reserved }));
  });
  const out = new Map<string, { onHand: number; reserved: number; reservedUp: number; rows: number }>();
  for (const r of rows) {
    const t = out.get(r.reference) ?? { onHand: 0, reserved: 0, reservedUp: 0, rows: 0 };
    t.onHand += r.dOnHand;
    t.reserved += r.dReserved;
    t.reservedUp += Math.max(0, r.dReserved);
    t.rows++;
    out.set(r.reference, t);
  }
  return out;
}

/** Shelfsync's order reference for a simulator order (Shopify's ids are GIDs). */
const referenceOf = (o: FinalOrder) => `order:${o.shop.storeId}:${o.shop.platform === 'shopify' ? `gid://shopify/Order/${o.orderId}` : o.orderId}`;

export async function exactlyOnce(page: Page, orders: FinalOrder[]) {
  const ledger = await ledgerByReference(page);
  let wrong = 0;
  const examples: string[] = [];
  const known = new Set<string>();
  for (const o of orders) {
    const ref = referenceOf(o);
    known.add(ref);
    const units = o.lines.reduce((a, l) => a + l.quantity, 0);
    const want = expectedEffect(o.status, units);
    const got = ledger.get(ref) ?? { onHand: 0, reserved: 0, reservedUp: 0, rows: 0 };
    if (got.onHand !== want.onHand || got.reserved !== want.reserved || got.reservedUp > units) {
      wrong++;
      if (examples.length < 10) examples.push(`${o.shop.platform} ${o.orderId} (${o.status}, ${units} units): ledger on hand ${got.onHand}, reserved ${got.reserved} (reserved up ${got.reservedUp} in ${got.rows} rows); expected ${want.onHand}/${want.reserved}`);
    }
  }
  const stray = [...ledger.keys()].filter((k) => !known.has(k));
  return { orders: orders.length, wrong, strayReferences: stray.length, examples: [...examples, ...stray.slice(0, 3).map((k) => `movements for an order the simulator does not have: ${k}`)] };
}

/** Shelfsync has seen every order in its final status (neutral → Shelfsync's words). */
export async function ordersCaughtUp(orders: FinalOrder[], send: (type: string, payload: unknown) => Promise<any>): Promise<number> {
  const word: Record<NeutralStatus, string> = { unpaid: 'unpaid', paid: 'open', shipped: 'shipped', delivered: 'shipped', cancelled: 'cancelled', returned: 'returned' };
  const seen = new Map<string, string>();
  for (const storeId of new Set(orders.map((o) => o.shop.storeId))) {
    for (let p = 1; ; p++) {
      const r = await send('orders.list', { storeId, page: p, pageSize: 500 });
      if (!r) return orders.length;
      for (const o of r.items as { platformOrderId: string; status: string }[]) seen.set(`order:${storeId}:${o.platformOrderId}`, o.status);
      if (r.items.length < 500) break;
    }
  }
  return orders.filter((o) => seen.get(referenceOf(o)) !== word[o.status]).length;
}
