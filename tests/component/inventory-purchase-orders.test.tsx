import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import { freshDb, ok, raw } from '../helpers/background';

// antd drawers and selects take a few hundred ms in jsdom; on a busy machine, more.

let db: ShelfsyncDB;
let wh: number;
let tee: number;
beforeEach(async () => {
  db = await freshDb();
  setTransport((message) => raw(message));
  wh = (await ok('warehouses.create', { name: 'Jakarta', code: 'JKT' })).id;
  tee = (await ok('products.create', { sku: 'TEE-1', name: 'Tee' })).id;
  await ok('products.create', { sku: 'CAP-1', name: 'Cap' });
  window.location.hash = '#/inventory/purchase-orders';
});

/** Opens an antd Select, optionally types a search, and clicks the option whose label contains `text`. */
async function choose(testId: string, text: string, search?: string) {
  const select = screen.getByTestId(testId);
  const box = within((select.closest('.ant-select') as HTMLElement) ?? select).getByRole('combobox');
  fireEvent.mouseDown(box);
  if (search !== undefined) fireEvent.change(box, { target: { value: search } });
  const option = await waitFor(() => {
    const list = document.getElementById(box.getAttribute('aria-controls') ?? '');
    const visible = [...(list?.closest('.ant-select-dropdown')?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? [])];
    // After a search, wait until the list shows its answer (every option matches).
    if (search !== undefined && visible.some((o) => !o.textContent?.toLowerCase().includes(search.toLowerCase()))) throw new Error(`search pending: ${visible.map((o) => o.textContent).join(' | ')}`);
    const found = visible.find((o) => o.textContent?.includes(text));
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  fireEvent.click(option);
}

const level = () => db.stockLevels.get([tee, wh]);

describe('purchase orders page', () => {
  it('creates an order with lines in a drawer; its quantity shows as in transit', async () => {
    render(<DashboardApp />);
    const empty = await screen.findByTestId('po-empty');
    expect(empty.textContent).toMatch(/quantities show as in transit until you receive them/);
    await waitFor(() => expect((within(empty).getByTestId('po-add') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(within(empty).getByTestId('po-add'));
    await choose('po-warehouse', 'Jakarta (JKT)');
    fireEvent.change(screen.getByTestId('po-supplier'), { target: { value: 'Bandung Textiles' } });
    await choose('po-line-product-0', 'TEE-1 — Tee', 'TEE');
    // Fields are named for a screen reader: by their label, or by line where no label shows.
    expect(screen.getByLabelText('Supplier')).toBe(screen.getByTestId('po-supplier'));
    expect(screen.getByLabelText('Quantity of line 1')).toBe(screen.getByTestId('po-line-quantity-0'));
    fireEvent.change(screen.getByLabelText('Quantity of line 1'), { target: { value: '50' } });
    fireEvent.click(screen.getByTestId('po-add-line'));
    await choose('po-line-product-1', 'CAP-1 — Cap', 'cap');
    fireEvent.change(screen.getByTestId('po-line-quantity-1'), { target: { value: '5' } });
    fireEvent.click(screen.getByTestId('po-create-submit'));

    const detail = await screen.findByTestId('po-detail');
    expect(within(detail).getByTestId('po-status').textContent).toBe('Ordered');
    // The create drawer has closed; the new order's drawer is what is open.
    await waitFor(() => expect(document.querySelector('.ant-drawer-open [data-testid="po-create-submit"]')).toBeNull());
    await waitFor(() => expect(within(detail).getByTestId('po-line-TEE-1').textContent).toMatch(/TEE-1Tee50050/));
    const row = await screen.findByTestId('po-row-1');
    expect(row.textContent).toMatch(/Ordered.*Jakarta \(JKT\)Bandung Textiles.*0 \/ 55 · SKUs: 2/);
    expect(await level()).toMatchObject({ onHand: 0, inTransit: 50 });
  });

  it('needs at least a product and a quantity on each line', async () => {
    await ok('purchaseOrders.create', { warehouseId: wh, lines: [{ sku: 'CAP-1', quantity: 1 }] });
    render(<DashboardApp />);
    await waitFor(() => expect((screen.getByTestId('po-add') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('po-add'));
    await choose('po-warehouse', 'Jakarta (JKT)');
    fireEvent.click(screen.getByTestId('po-create-submit'));
    expect(await screen.findByText('Choose a product')).toBeTruthy();
    expect(await db.purchaseOrders.count()).toBe(1);
  });

  it('receives part of an order (defaults to the open quantity), then cancels the rest', async () => {
    const po = await ok('purchaseOrders.create', { warehouseId: wh, supplier: 'S', lines: [{ sku: 'TEE-1', quantity: 50 }, { sku: 'CAP-1', quantity: 5 }] });
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId(`po-open-${po.id}`));
    const detail = await screen.findByTestId('po-detail');
    const teeInput = within(detail).getByLabelText('Receive now for TEE-1') as HTMLInputElement;
    expect(teeInput).toBe(within(detail).getByTestId('po-receive-TEE-1'));
    expect(teeInput.value).toBe('50');
    expect((within(detail).getByTestId('po-receive-CAP-1') as HTMLInputElement).value).toBe('5');
    fireEvent.change(teeInput, { target: { value: '20' } });
    fireEvent.change(within(detail).getByTestId('po-receive-CAP-1'), { target: { value: '0' } });
    fireEvent.click(within(detail).getByTestId('po-receive-submit'));
    await waitFor(() => expect(within(detail).getByTestId('po-status').textContent).toBe('Partially received'));
    expect(await level()).toMatchObject({ onHand: 20, inTransit: 30 });
    const teeLine = within(detail).getByTestId('po-line-TEE-1');
    expect(within(teeLine).getByTestId('po-line-received').textContent).toBe('20');
    expect(within(teeLine).getByTestId('po-line-open').textContent).toBe('30');
    // The inputs start again from what is still open.
    await waitFor(() => expect((within(detail).getByTestId('po-receive-TEE-1') as HTMLInputElement).value).toBe('30'));

    fireEvent.click(within(detail).getByTestId('po-cancel'));
    expect((await screen.findByText(/The open quantity \(35 units\) leaves in transit/)).textContent).toMatch(/Units already received stay on hand/);
    fireEvent.click(screen.getByTestId('po-cancel-confirm'));
    await waitFor(() => expect(within(detail).getByTestId('po-status').textContent).toBe('Cancelled'));
    expect(await level()).toMatchObject({ onHand: 20, inTransit: 0 });
    expect(within(detail).queryByTestId('po-receive-submit')).toBeNull();
    await waitFor(() => expect(screen.getByTestId(`po-row-${po.id}`).textContent).toMatch(/Cancelled/));
  });

  it('follows a receipt made elsewhere: the inputs start again from what is still open', async () => {
    const po = await ok('purchaseOrders.create', { warehouseId: wh, lines: [{ sku: 'TEE-1', quantity: 5 }] });
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId(`po-open-${po.id}`));
    const detail = await screen.findByTestId('po-detail');
    // Someone else receives 4 meanwhile; the drawer still offers 5 until it re-reads.
    await ok('purchaseOrders.receive', { id: po.id, lines: [{ sku: 'TEE-1', quantity: 4 }] });
    await waitFor(() => expect((within(detail).getByTestId('po-receive-TEE-1') as HTMLInputElement).value).toBe('1'));
    fireEvent.change(within(detail).getByTestId('po-receive-TEE-1'), { target: { value: '1' } });
    fireEvent.click(within(detail).getByTestId('po-receive-submit'));
    await waitFor(() => expect(within(detail).getByTestId('po-status').textContent).toBe('Received'));
  });
});
