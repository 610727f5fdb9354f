// The order line state machine (ORDERS.md table) on unit counts: every path, each applied once.
import { describe, expect, it } from 'vitest';
import { lineState, NO_UNITS, planLine } from '@/lib/orders/lines';

const policy = { reserveUnpaid: true, restockReturns: false };
const sum = (moves: { delta: { reserved?: number; onHand?: number } }[]) => ({
  reserved: moves.reduce((a, m) => a + (m.delta.reserved ?? 0), 0),
  onHand: moves.reduce((a, m) => a + (m.delta.onHand ?? 0), 0),
});

describe('order line state machine', () => {
  it('open → reserved; the same view again moves nothing', () => {
    const a = planLine(NO_UNITS, { open: 3 }, policy);
    expect(sum(a.moves)).toEqual({ reserved: 3, onHand: 0 });
    expect(planLine(a.applied, { open: 3 }, policy).moves).toEqual([]);
    expect(lineState(a.applied, 3)).toBe('reserved');
  });
  it('reserved → shipped: reserved and on hand both drop once', () => {
    const a = planLine(NO_UNITS, { open: 3 }, policy).applied;
    const b = planLine(a, { shipped: 3 }, policy);
    expect(sum(b.moves)).toEqual({ reserved: -3, onHand: -3 });
    expect(planLine(b.applied, { shipped: 3 }, policy).moves).toEqual([]);
    // A stale "open" arriving after the shipment moves nothing back.
    expect(planLine(b.applied, { open: 3 }, policy).moves).toEqual([]);
  });
  it('seen first as shipped: one deduction, no reservation', () => {
    const b = planLine(NO_UNITS, { shipped: 2 }, policy);
    expect(b.moves.map((m) => m.kind)).toEqual(['order_fulfilled']);
    expect(sum(b.moves)).toEqual({ reserved: 0, onHand: -2 });
  });
  it('cancelled before shipping releases what was held; seen first cancelled moves nothing', () => {
    const a = planLine(NO_UNITS, { open: 2 }, policy).applied;
    expect(sum(planLine(a, { cancelled: 2 }, policy).moves)).toEqual({ reserved: -2, onHand: 0 });
    expect(planLine(NO_UNITS, { cancelled: 2 }, policy).moves).toEqual([]);
    expect(lineState(planLine(NO_UNITS, { cancelled: 2 }, policy).applied, 2)).toBe('released');
  });
  it('returns: nothing by default, back on hand with restock; first seen returned is a sale and (maybe) a restock', () => {
    const shipped = planLine(NO_UNITS, { shipped: 2 }, policy).applied;
    expect(sum(planLine(shipped, { returned: 2 }, policy).moves)).toEqual({ reserved: 0, onHand: 0 });
    expect(sum(planLine(shipped, { returned: 2 }, { ...policy, restockReturns: true }).moves)).toEqual({ reserved: 0, onHand: 2 });
    expect(sum(planLine(NO_UNITS, { returned: 2 }, policy).moves)).toEqual({ reserved: 0, onHand: -2 });
    expect(sum(planLine(NO_UNITS, { returned: 2 }, { ...policy, restockReturns: true }).moves)).toEqual({ reserved: 0, onHand: 0 });
  });
  it('unpaid holds only when the store says so', () => {
    expect(sum(planLine(NO_UNITS, { unpaid: 2 }, policy).moves)).toEqual({ reserved: 2, onHand: 0 });
    expect(planLine(NO_UNITS, { unpaid: 2 }, { ...policy, reserveUnpaid: false }).moves).toEqual([]);
  });
  it('per-unit statuses: one of three cancelled, two shipped', () => {
    const a = planLine(NO_UNITS, { open: 3 }, policy).applied;
    const b = planLine(a, { open: 2, cancelled: 1 }, policy);
    expect(sum(b.moves)).toEqual({ reserved: -1, onHand: 0 });
    const c = planLine(b.applied, { shipped: 2, cancelled: 1 }, policy);
    expect(sum(c.moves)).toEqual({ reserved: -2, onHand: -2 });
    expect(c.applied).toEqual({ reserved: 0, fulfilled: 2, released: 1, returned: 0 });
  });
  it('a line that shrinks gives its held units back', () => {
    const a = planLine(NO_UNITS, { open: 3 }, policy).applied;
    expect(sum(planLine(a, { open: 1 }, policy).moves)).toEqual({ reserved: -2, onHand: 0 });
    expect(sum(planLine(a, {}, policy).moves)).toEqual({ reserved: -3, onHand: 0 });
  });
});
