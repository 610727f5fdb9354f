// The soak's buyers: random orders on every platform through the simulator's control API while
// the seller's stock changes, faults and worker stops go on — some paid, a few unpaid, some
// cancelled before shipping, most shipped, a few returned, some still open at the end.
//
// They also keep the truth the soak is judged by (never Shelfsync's tables): on hand per buyer SKU
// from the soak's own record of the seller's changes (`onHand`, answered changes only) minus the
// units of orders that shipped, and reserved = units of open orders. An oversell is counted when
// a platform accepts an order: the units beyond max(0, on hand − reserved) at that moment (orders
// a platform refuses for lack of stock are no sale). The seller never ships units the truth does
// not have: such an order is cancelled instead (what a seller does with an oversold order), so on
// hand never goes below 0 and the final numbers do not depend on when Shelfsync saw each order.
import { simControl, type SimHandle } from '../e2e/support/world';

export type NeutralStatus = 'unpaid' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'returned';
export interface SoakShop { shopId: string; platform: string; storeId: number }
interface Tracked { shop: SoakShop; orderId: string; sku: string; quantity: number; status: NeutralStatus }

const OPEN: NeutralStatus[] = ['unpaid', 'paid'];
const SHIPPED: NeutralStatus[] = ['shipped', 'delivered', 'returned'];

export class Buyers {
  readonly orders: Tracked[] = [];
  placed = 0;
  refused = 0;
  oversoldUnits = 0;
  oversoldOrders = 0;
  cancelledUnshippable = 0;
  moves = 0;
  private stopped = false;

  /** `onHand`: the soak's record of each buyer SKU's on hand from the seller's answered changes. */
  constructor(private readonly sim: SimHandle, private readonly shops: SoakShop[], private readonly skus: string[], private readonly onHand: Map<string, number>, private readonly log: (s: string) => void) {}

  /** On hand in the truth: the seller's record minus units that left with shipped orders. */
  truthOnHand(sku: string): number {
    return (this.onHand.get(sku) ?? 0) - this.orders.filter((o) => o.sku === sku && SHIPPED.includes(o.status)).reduce((a, o) => a + o.quantity, 0);
  }
  truthReserved(sku: string): number {
    return this.orders.filter((o) => o.sku === sku && OPEN.includes(o.status)).reduce((a, o) => a + o.quantity, 0);
  }

  stop(): void {
    this.stopped = true;
  }

  /** Runs until stop(): one buyer action every 150–650 ms. */
  async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.act();
      } catch (err) {
        this.log(`buyer action failed: ${String(err).slice(0, 200)}`);
      }
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 500));
    }
  }

  private async act(): Promise<void> {
    const r = Math.random();
    const open = this.orders.filter((o) => OPEN.includes(o.status));
    const shipped = this.orders.filter((o) => o.status === 'shipped' || o.status === 'delivered');
    if (r < 0.55 || !open.length) return this.buy();
    if (r < 0.9) {
      const o = open[Math.floor(Math.random() * open.length)]!;
      if (o.status === 'unpaid') return this.move(o, Math.random() < 0.8 ? 'paid' : 'cancelled');
      // Cancelled before shipping (~25 %), else shipped — when the truth has the units.
      if (Math.random() < 0.25) return this.move(o, 'cancelled');
      if (this.truthOnHand(o.sku) < o.quantity) {
        this.cancelledUnshippable++;
        return this.move(o, 'cancelled');
      }
      return this.move(o, 'shipped');
    }
    if (shipped.length) {
      const o = shipped[Math.floor(Math.random() * shipped.length)]!;
      // A few returns; most shipped orders are delivered and stay so.
      if (o.status === 'shipped') return this.move(o, Math.random() < 0.2 ? 'returned' : 'delivered');
      if (Math.random() < 0.1) return this.move(o, 'returned');
    }
  }

  private async buy(): Promise<void> {
    const shop = this.shops[Math.floor(Math.random() * this.shops.length)]!;
    const sku = this.skus[Math.floor(Math.random() * this.skus.length)]!;
    const q = Math.random();
    const quantity = q < 0.7 ? 1 : q < 0.9 ? 2 : 3;
    const status = Math.random() < 0.1 ? 'unpaid' : 'paid';
    const res = await fetch(`${this.sim.url}/__sim/shops/${encodeURIComponent(shop.shopId)}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lines: [{ sellerSku: sku, quantity }], status }) });
    const body = (await res.json()) as { orderId?: string; error?: string };
    if (res.status === 409) {
      this.refused++;
      return;
    }
    if (res.status !== 201 || !body.orderId) throw new Error(`order on ${shop.platform}: ${res.status} ${JSON.stringify(body)}`);
    // Sellable in the truth just before this sale; what the platform sold beyond it is oversold.
    const sellable = Math.max(0, this.truthOnHand(sku) - this.truthReserved(sku));
    if (quantity > sellable) {
      this.oversoldUnits += quantity - sellable;
      this.oversoldOrders++;
    }
    this.placed++;
    this.orders.push({ shop, orderId: body.orderId, sku, quantity, status });
  }

  private async move(o: Tracked, to: NeutralStatus): Promise<void> {
    const res = await fetch(`${this.sim.url}/__sim/shops/${encodeURIComponent(o.shop.shopId)}/orders/${encodeURIComponent(o.orderId)}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: to }) });
    if (res.status === 409 && to === 'paid') {
      // WooCommerce takes the stock at payment and refuses it when short: the checkout fails.
      await this.move(o, 'cancelled');
      return;
    }
    if (!res.ok) throw new Error(`order ${o.orderId} → ${to}: ${res.status} ${await res.text()}`);
    o.status = to;
    this.moves++;
  }

  /** The simulator's own final word on every order (neutral statuses), per shop. */
  async finalOrders(): Promise<{ shop: SoakShop; orderId: string; status: NeutralStatus; lines: { sellerSku: string; quantity: number }[] }[]> {
    const out = [];
    for (const shop of this.shops) {
      const list = await simControl<{ orderId: string; status: NeutralStatus; lines: { sellerSku: string; quantity: number }[] }[]>(this.sim, 'GET', `/__sim/shops/${encodeURIComponent(shop.shopId)}/orders`);
      out.push(...list.map((o) => ({ shop, ...o })));
    }
    return out;
  }
}
