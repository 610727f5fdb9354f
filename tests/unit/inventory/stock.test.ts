import { beforeEach, describe, expect, it } from 'vitest';
import type { ShelfsyncDB } from '@/lib/db/database';
import { freshDb, ok, run } from '../../helpers/background';

let db: ShelfsyncDB;
let wh: number;
beforeEach(async () => {
  db = await freshDb();
  wh = (await ok('warehouses.create', { name: 'Jakarta', code: 'JKT' })).id;
  await ok('products.create', { sku: 'MUG-1', name: 'Blue mug' });
});

const level = async (sku = 'MUG-1') => (await ok('inventory.list', { sku })).items.find((l) => l.warehouseId === wh);

describe('stock adjustments and the ledger', () => {
  it('concurrent +5 and +5 on 0 give 10, with two ledger rows', async () => {
    const answers = await Promise.all([
      run('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', delta: 5 }),
      run('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', delta: 5 }),
    ]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(await level()).toMatchObject({ onHand: 10, sellable: 10, reserved: 0, inTransit: 0 });
    const moves = await ok('inventory.movements', { warehouseId: wh });
    expect(moves.items.map((m) => [m.before.onHand, m.after.onHand]).sort()).toEqual([[0, 5], [5, 10]]);
  });

  it('concurrent −4 and −6 on 10 give 0', async () => {
    await ok('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', onHand: 10 });
    await Promise.all([
      run('inventory.adjust', { warehouseId: wh, sku: 'mug-1 ', delta: -4 }),
      run('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', delta: -6 }),
    ]);
    expect(await level()).toMatchObject({ onHand: 0 });
  });

  it('refuses going below 0 with negative_stock and changes nothing', async () => {
    await ok('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', onHand: 3 });
    const refused = await run('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', delta: -4 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'negative_stock' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/SKU MUG-1 in Jakarta cannot go below 0/);
    expect(await level()).toMatchObject({ onHand: 3 });
    expect(await db.movements.count()).toBe(1);
  });

  it('a stock count sets on hand absolutely and records before and after', async () => {
    await ok('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', delta: 7 });
    const { movement, level: after } = await ok('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', onHand: 4, reason: 'cycle count' });
    expect(movement).toMatchObject({ kind: 'count', reason: 'cycle count', before: { onHand: 7 }, after: { onHand: 4 } });
    expect(after).toMatchObject({ sku: 'MUG-1', warehouseCode: 'JKT', onHand: 4, sellable: 4 });
  });

  it('a reused idempotency key applies once and repeats the first answer', async () => {
    const first = await ok('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', delta: 5, idempotencyKey: 'order-77' });
    const again = await ok('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', delta: 5, idempotencyKey: 'order-77' });
    expect(again).toEqual(first);
    expect(await level()).toMatchObject({ onHand: 5 });
    expect(await db.movements.count()).toBe(1);
    const different = await run('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', delta: 9, idempotencyKey: 'order-77' });
    expect(different).toMatchObject({ ok: false, error: { code: 'idempotency_key_reused' } });
    expect(await level()).toMatchObject({ onHand: 5 });
  });

  it('the same key racing itself still applies once', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => run('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', delta: 2, idempotencyKey: 'k' })));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(await level()).toMatchObject({ onHand: 2 });
  });

  it('answers bad input with a code and changes nothing', async () => {
    const bad: unknown[] = [
      {},
      { warehouseId: wh },
      { warehouseId: wh, sku: 'MUG-1' },
      { warehouseId: wh, sku: 'MUG-1', delta: 1.5 },
      { warehouseId: wh, sku: 'MUG-1', delta: 0 },
      { warehouseId: wh, sku: 'MUG-1', onHand: -1 },
      { warehouseId: wh, sku: 'MUG-1', delta: 1, onHand: 1 },
      { warehouseId: wh, sku: 'MUG-1', productId: 1, delta: 1 },
      { warehouseId: '1', sku: 'MUG-1', delta: 1 },
      { warehouseId: wh, sku: 'MUG-1', delta: '5' },
      { warehouseId: wh, sku: 'MUG-1', delta: Number.NaN },
      { warehouseId: wh, sku: 'MUG-1', delta: Infinity },
    ];
    for (const payload of bad) {
      const answer = await run('inventory.adjust', payload as never);
      expect(answer, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await run('inventory.adjust', { warehouseId: 999, sku: 'MUG-1', delta: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await run('inventory.adjust', { warehouseId: wh, sku: 'NOPE', delta: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await db.movements.count()).toBe(0);
    expect(await db.stockLevels.count()).toBe(0);
  });
});

describe('reservations', () => {
  beforeEach(async () => {
    await ok('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', onHand: 5 });
  });

  it('reserving lowers sellable; release raises it; fulfil drops on hand and reserved', async () => {
    const r = await ok('inventory.reserve', { warehouseId: wh, sku: 'MUG-1', quantity: 3, reference: 'order 1' });
    expect(await level()).toMatchObject({ onHand: 5, reserved: 3, sellable: 2 });
    await ok('inventory.release', { id: r.id });
    expect(await level()).toMatchObject({ onHand: 5, reserved: 0, sellable: 5 });
    const r2 = await ok('inventory.reserve', { warehouseId: wh, sku: 'MUG-1', quantity: 2 });
    await ok('inventory.fulfil', { id: r2.id });
    expect(await level()).toMatchObject({ onHand: 3, reserved: 0, sellable: 3 });
    expect(await run('inventory.fulfil', { id: r2.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await level()).toMatchObject({ onHand: 3 });
  });

  it('reservations racing for the last unit: exactly one wins', async () => {
    await ok('inventory.reserve', { warehouseId: wh, sku: 'MUG-1', quantity: 4 });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => run('inventory.reserve', { warehouseId: wh, sku: 'MUG-1', quantity: 1, reference: `race ${i}` })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(Array(5).fill('insufficient_stock'));
    expect(await level()).toMatchObject({ reserved: 5, sellable: 0 });
  });

  it('sellable never shows below 0 when on hand drops under reserved', async () => {
    await ok('inventory.reserve', { warehouseId: wh, sku: 'MUG-1', quantity: 5 });
    await ok('inventory.adjust', { warehouseId: wh, sku: 'MUG-1', onHand: 2, reason: 'damaged' });
    expect(await level()).toMatchObject({ onHand: 2, reserved: 5, sellable: 0 });
  });

  it('refuses fractional, zero and negative quantities, and unknown ids', async () => {
    for (const quantity of [0, -1, 1.5]) {
      expect(await run('inventory.reserve', { warehouseId: wh, sku: 'MUG-1', quantity })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await run('inventory.release', { id: 4242 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await level()).toMatchObject({ reserved: 0 });
  });
});

describe('purchase orders', () => {
  it('PO of 50 → in transit 50; receive 20 → on hand +20, in transit 30; cancel → in transit 0', async () => {
    const po = await ok('purchaseOrders.create', { warehouseId: wh, supplier: 'Acme', lines: [{ sku: 'MUG-1', quantity: 50 }] });
    expect(po.status).toBe('ordered');
    expect(await level()).toMatchObject({ onHand: 0, inTransit: 50 });
    const part = await ok('purchaseOrders.receive', { id: po.id, lines: [{ sku: 'MUG-1', quantity: 20 }] });
    expect(part.status).toBe('partially_received');
    expect(await level()).toMatchObject({ onHand: 20, inTransit: 30, sellable: 20 });
    const over = await run('purchaseOrders.receive', { id: po.id, lines: [{ sku: 'MUG-1', quantity: 31 }] });
    expect(over).toMatchObject({ ok: false, error: { code: 'over_receipt' } });
    expect(await level()).toMatchObject({ onHand: 20, inTransit: 30 });
    const cancelled = await ok('purchaseOrders.cancel', { id: po.id });
    expect(cancelled.status).toBe('cancelled');
    expect(await level()).toMatchObject({ onHand: 20, inTransit: 0 });
    expect(await run('purchaseOrders.receive', { id: po.id, lines: [{ sku: 'MUG-1', quantity: 1 }] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const kinds = (await ok('inventory.movements', { warehouseId: wh })).items.map((m) => m.kind);
    expect(kinds).toEqual(['po_cancel', 'po_receive', 'po_order']);
  });

  it('a receipt that fails on its second line moves nothing', async () => {
    await ok('products.create', { sku: 'MUG-2', name: 'Red mug' });
    const po = await ok('purchaseOrders.create', { warehouseId: wh, lines: [{ sku: 'MUG-1', quantity: 5 }, { sku: 'MUG-2', quantity: 5 }] });
    const refused = await run('purchaseOrders.receive', { id: po.id, lines: [{ sku: 'MUG-1', quantity: 5 }, { sku: 'MUG-2', quantity: 6 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'over_receipt' } });
    expect(await level('MUG-1')).toMatchObject({ onHand: 0, inTransit: 5 });
    const full = await ok('purchaseOrders.receive', { id: po.id, lines: [{ sku: 'MUG-1', quantity: 5 }, { sku: 'MUG-2', quantity: 5 }] });
    expect(full.status).toBe('received');
  });

  it('refuses bad lines and unknown references without creating anything', async () => {
    for (const payload of [
      { warehouseId: wh, lines: [] },
      { warehouseId: wh, lines: [{ sku: 'MUG-1', quantity: -5 }] },
      { warehouseId: wh, lines: [{ sku: 'MUG-1', quantity: 2.5 }] },
      { warehouseId: wh, lines: [{ quantity: 2 }] },
    ]) {
      expect(await run('purchaseOrders.create', payload as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await run('purchaseOrders.create', { warehouseId: wh, lines: [{ sku: 'MUG-1', quantity: 2 }, { sku: 'GHOST', quantity: 1 }] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await run('purchaseOrders.create', { warehouseId: 77, lines: [{ sku: 'MUG-1', quantity: 2 }] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await db.purchaseOrders.count()).toBe(0);
    expect(await db.stockLevels.count()).toBe(0);
  });
});
