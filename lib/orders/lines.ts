// The order line state machine of ORDERS.md, as pure arithmetic on unit counts. A line remembers
// how many of its units are in each state it has *applied* (`LineUnits`); each time the platform
// shows the order, the units the platform's statuses call for are compared with that, and only
// the forward difference moves stock. So the same order seen twice moves nothing the second time,
// an order first seen shipped is one deduction (never a reservation and then a deduction), and a
// stale status arriving late never moves a unit backwards.
import type { LineState, LineUnits } from '../db/types';
import type { OrderStatus } from '../platforms/types';

export interface LinePolicy {
  reserveUnpaid: boolean;
  restockReturns: boolean;
}

/** One ledger movement a line causes (ORDERS.md table, last column). */
export interface LineMove {
  kind: 'order_reserved' | 'order_fulfilled' | 'order_released' | 'order_returned';
  units: number;
  delta: { reserved?: number; onHand?: number };
}

export const NO_UNITS: LineUnits = { reserved: 0, fulfilled: 0, released: 0, returned: 0 };

const total = (u: LineUnits): number => u.reserved + u.fulfilled + u.released + u.returned;

/** Units per state the platform's statuses ask for. */
export function wanted(statusUnits: Partial<Record<OrderStatus, number>>, policy: LinePolicy) {
  const n = (s: OrderStatus) => statusUnits[s] ?? 0;
  return {
    reserved: n('open') + (policy.reserveUnpaid ? n('unpaid') : 0),
    shipped: n('shipped') + n('returned'),
    returned: n('returned'),
    released: n('cancelled'),
    all: n('unpaid') + n('open') + n('shipped') + n('cancelled') + n('returned'),
  };
}

/** The moves that take `applied` to what `statusUnits` asks for, forward only. */
export function planLine(applied: LineUnits, statusUnits: Partial<Record<OrderStatus, number>>, policy: LinePolicy): { applied: LineUnits; moves: LineMove[] } {
  const want = wanted(statusUnits, policy);
  const a = { ...applied };
  const none = () => Math.max(0, want.all - total(a));
  const moves: LineMove[] = [];

  // Cancelled before shipping: reserved units come back; units never reserved just close.
  let need = want.released - a.released;
  if (need > 0) {
    const fromReserved = Math.min(need, a.reserved);
    if (fromReserved) moves.push({ kind: 'order_released', units: fromReserved, delta: { reserved: -fromReserved } });
    a.reserved -= fromReserved;
    const fromNone = Math.min(need - fromReserved, none());
    a.released += fromReserved + fromNone;
  }

  // Shipped (a return is a shipment first): reserved units leave with it; units first seen
  // shipped leave on hand alone.
  need = want.shipped - (a.fulfilled + a.returned);
  if (need > 0) {
    const fromReserved = Math.min(need, a.reserved);
    const fromNone = Math.min(need - fromReserved, none());
    if (fromReserved + fromNone) moves.push({ kind: 'order_fulfilled', units: fromReserved + fromNone, delta: { reserved: fromReserved ? -fromReserved : undefined, onHand: -(fromReserved + fromNone) } });
    a.reserved -= fromReserved;
    a.fulfilled += fromReserved + fromNone;
  }

  // Returned: back on hand only when the store restocks returns (else the seller decides).
  need = want.returned - a.returned;
  if (need > 0) {
    const n = Math.min(need, a.fulfilled);
    if (n) moves.push({ kind: 'order_returned', units: n, delta: policy.restockReturns ? { onHand: n } : {} });
    a.fulfilled -= n;
    a.returned += n;
  }

  // Held: open (and unpaid, when the store reserves those) units not yet held.
  need = want.reserved - a.reserved;
  if (need > 0) {
    const n = Math.min(need, none());
    if (n) moves.push({ kind: 'order_reserved', units: n, delta: { reserved: n } });
    a.reserved += n;
  } else if (need < 0) {
    // More units held than the platform still shows open: the line shrank (an edited order, a
    // refund before shipping that names no cancelled units). Give those units back.
    const n = -need;
    moves.push({ kind: 'order_released', units: n, delta: { reserved: -n } });
    a.reserved -= n;
  }
  return { applied: a, moves };
}

/** The one word the Orders page shows for a line: the state most of its units are in. */
export function lineState(applied: LineUnits, quantity: number): LineState {
  const entries: [LineState, number][] = [
    ['reserved', applied.reserved],
    ['fulfilled', applied.fulfilled],
    ['returned', applied.returned],
    ['released', applied.released],
    ['none', Math.max(0, quantity - total(applied))],
  ];
  let best: [LineState, number] = ['none', 0];
  for (const e of entries) if (e[1] > best[1]) best = e;
  return best[0];
}
