import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import { freshDb, ok, raw } from '../helpers/background';

// The seller's published sheet, on loopback.
let server: Server;
let base: string;
let sheet = 'Item,Qty\nTEE-1,7\nGHOST,3\n';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/stock.csv') {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.end(sheet);
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

// antd drawers and selects take a few hundred ms in jsdom; on a busy machine, more.

let db: ShelfsyncDB;
let wh: number;
let granted: boolean;
let asked: string[][];
beforeEach(async () => {
  db = await freshDb();
  setTransport((message) => raw(message));
  granted = true;
  asked = [];
  (fakeBrowser as unknown as { permissions: unknown }).permissions = {
    request: async ({ origins }: { origins: string[] }) => {
      asked.push(origins);
      return granted;
    },
    contains: async () => granted,
  };
  wh = (await ok('warehouses.create', { name: 'Jakarta', code: 'JKT' })).id;
  await ok('products.create', { sku: 'TEE-1', name: 'Tee' });
  await ok('inventory.adjust', { warehouseId: wh, sku: 'TEE-1', onHand: 10 });
  sheet = 'Item,Qty\nTEE-1,7\nGHOST,3\n';
  window.location.hash = '#/inventory/sources';
});

async function choose(testId: string, text: string) {
  const select = screen.getByTestId(testId);
  const box = within((select.closest('.ant-select') as HTMLElement) ?? select).getByRole('combobox');
  fireEvent.mouseDown(box);
  const option = await waitFor(() => {
    const list = document.getElementById(box.getAttribute('aria-controls') ?? '');
    const found = [...(list?.closest('.ant-select-dropdown')?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? [])].find((o) => o.textContent?.includes(text));
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  fireEvent.click(option);
}

async function fillSource(url: string) {
  await waitFor(() => expect((screen.getByTestId('source-add') as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(screen.getByTestId('source-add'));
  fireEvent.change(await screen.findByTestId('source-name'), { target: { value: 'ERP export' } });
  fireEvent.change(screen.getByTestId('source-url'), { target: { value: url } });
  fireEvent.change(screen.getByTestId('source-map-sku'), { target: { value: 'Item' } });
  fireEvent.change(screen.getByTestId('source-map-quantity'), { target: { value: 'Qty' } });
  await choose('source-warehouse', 'Jakarta (JKT)');
}

describe('inventory sources page', () => {
  it('asks for the host, tests the source (rows and a sample), adds it, runs it now and shows the result', async () => {
    render(<DashboardApp />);
    expect((await screen.findByTestId('sources-empty')).textContent).toMatch(/publish it as CSV or JSON and add its address here/);
    await fillSource(`${base}/stock.csv`);

    fireEvent.click(screen.getByTestId('source-test'));
    const result = await screen.findByTestId('source-test-result');
    expect(result.textContent).toContain('2 rows found.');
    const sample = within(result).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(sample).toEqual(['2TEE-1(default)7', '3GHOST(default)3']);
    expect(asked).toEqual([['http://127.0.0.1/*']]);
    expect((await db.stockLevels.get([1, wh]))?.onHand).toBe(10);

    fireEvent.click(screen.getByTestId('source-save'));
    const row = await screen.findByTestId('source-row-1');
    expect(row.textContent).toMatch(/ERP export.*CSV.*SKU: Item · quantity: Qty.*every 15 min.*Not pulled yet/);
    expect(asked.length).toBe(2);

    fireEvent.click(within(row).getByTestId('source-run-1'));
    await waitFor(() => expect(within(screen.getByTestId('source-row-1')).getByTestId('source-last-run').textContent).toMatch(/OK.*Rows: 2 · changed: 1 · unchanged: 0 · skipped: 1/));
    expect((await db.stockLevels.get([1, wh]))?.onHand).toBe(7);
  });

  it('says Shelfsync cannot read the URL when the permission is refused, and adds nothing', async () => {
    granted = false;
    render(<DashboardApp />);
    await screen.findByTestId('sources-empty');
    await fillSource('https://sheets.example.com/stock.csv');
    fireEvent.click(screen.getByTestId('source-save'));
    expect(await screen.findByText(/Shelfsync cannot read sheets\.example\.com without your permission/)).toBeTruthy();
    expect(asked).toEqual([['https://sheets.example.com/*']]);
    expect(await db.inventorySources.count()).toBe(0);
  });

  it('tests a saved source from its row, shows a failed read, edits it, switches it off and removes it', async () => {
    const src = await ok('inventory.sources.create', { name: 'Sheet', url: `${base}/missing.csv`, format: 'csv', mapping: { sku: 'Item', quantity: 'Qty' }, warehouseId: wh, intervalMinutes: 30 });
    render(<DashboardApp />);
    const row = await screen.findByTestId(`source-row-${src.id}`);
    fireEvent.click(within(row).getByTestId(`source-test-${src.id}`));
    const result = await screen.findByTestId('source-test-result');
    expect(result.textContent).toMatch(/The source could not be read.*answered HTTP 404/);

    fireEvent.click(within(screen.getByTestId('source-test-result').closest('.ant-modal') as HTMLElement).getAllByRole('button', { name: 'Close' }).at(-1)!);

    // Edit: the drawer starts from the saved values.
    fireEvent.click(within(screen.getByTestId(`source-row-${src.id}`)).getByTestId(`source-edit-${src.id}`));
    await waitFor(() => expect((screen.getByTestId('source-interval') as HTMLInputElement).value).toBe('30'));
    expect((screen.getByTestId('source-map-sku') as HTMLInputElement).value).toBe('Item');
    fireEvent.change(screen.getByTestId('source-interval'), { target: { value: '45' } });
    fireEvent.click(screen.getByTestId('source-save'));
    await waitFor(() => expect(screen.getByTestId(`source-row-${src.id}`).textContent).toContain('every 45 min'));

    fireEvent.click(within(screen.getByTestId(`source-row-${src.id}`)).getByTestId(`source-enabled-${src.id}`));
    await waitFor(async () => expect((await db.inventorySources.get(src.id))?.enabled).toBe(false));

    fireEvent.click(within(screen.getByTestId(`source-row-${src.id}`)).getByTestId(`source-remove-${src.id}`));
    fireEvent.click(await screen.findByTestId('source-remove-confirm'));
    expect(await screen.findByTestId('sources-empty')).toBeTruthy();
    expect(await db.inventorySources.count()).toBe(0);
  });
});
