import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import { freshDb, ok, raw } from '../helpers/background';

// antd drawers and selects take a few hundred ms in jsdom; on a busy machine, more.

let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshDb();
  setTransport((message) => raw(message));
  window.location.hash = '#/inventory/products';
});

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe('system products page', () => {
  it('says what to do when empty, creates a product in the drawer and shows sku_taken on the SKU field', async () => {
    render(<DashboardApp />);
    const empty = await screen.findByTestId('products-empty');
    expect(empty.textContent).toMatch(/Add your first product, or import/);
    fireEvent.click(within(empty).getByTestId('product-add'));
    type('product-sku', 'TEE-RED-M');
    type('product-name', 'Red tee M');
    type('product-price', '12.5');
    fireEvent.click(screen.getByTestId('product-save'));
    const row = await screen.findByTestId('product-row-TEE-RED-M');
    expect(row.textContent).toContain('Red tee M');
    expect(row.textContent).toContain('12.50');
    expect(await db.products.count()).toBe(1);

    // Same SKU, other case and spaces: the background refuses, the refusal sits on the SKU field.
    fireEvent.click(screen.getByTestId('product-add'));
    await waitFor(() => expect((screen.getByTestId('product-sku') as HTMLInputElement).value).toBe(''));
    type('product-sku', ' tee-red-m ');
    type('product-name', 'Duplicate');
    fireEvent.click(screen.getByTestId('product-save'));
    const message = await screen.findByText(/The SKU "tee-red-m" is already used by "Red tee M"/);
    expect(message.closest('.ant-form-item')?.querySelector('[data-testid="product-sku"]')).toBeTruthy();
    expect(await db.products.count()).toBe(1);
  });

  it('edits a product and searches by SKU or name with server paging', async () => {
    for (let i = 1; i <= 3; i++) await ok('products.create', { sku: `MUG-${i}`, name: `Mug ${i}` });
    await ok('products.create', { sku: 'CAP-1', name: 'Blue cap' });
    render(<DashboardApp />);
    await screen.findByTestId('product-row-MUG-2');
    fireEvent.click(screen.getByTestId('product-edit-MUG-2'));
    await waitFor(() => expect((screen.getByTestId('product-name') as HTMLInputElement).value).toBe('Mug 2'));
    type('product-name', 'Mug two');
    fireEvent.click(screen.getByTestId('product-save'));
    await waitFor(() => expect(screen.getByTestId('product-row-MUG-2').textContent).toContain('Mug two'));

    const search = within(screen.getByTestId('product-search')).getByRole('searchbox');
    fireEvent.change(search, { target: { value: 'cap' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.queryByTestId('product-row-MUG-1')).toBeNull());
    expect(screen.getByTestId('product-row-CAP-1')).toBeTruthy();
  });

  it('imports a CSV with a progress bar and reports the bad rows by line', async () => {
    await ok('products.create', { sku: 'OLD-1', name: 'Old name' });
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId('products-import-button'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Valid rows are imported (new SKUs created, existing SKUs updated); rows with problems are skipped and listed with their line number.');
    for (const col of ['sku', 'name', 'price', 'image_url', 'weight_grams', 'description']) expect(within(dialog).getByText(col)).toBeTruthy();

    const csv = 'sku,name,price\nNEW-1,New one,5\nOLD-1,New name,\nBAD-1,Bad price,abc\n,No sku,1\n';
    const file = new File([csv], 'products.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('products-import-file'), { target: { files: [file] } });
    const report = await screen.findByTestId('products-import-report');
    await waitFor(() => expect(within(report).getByTestId('products-import-errors')).toBeTruthy());
    expect(within(report).getByTestId('products-import-stat-created').textContent).toContain('1');
    expect(within(report).getByTestId('products-import-stat-updated').textContent).toContain('1');
    const errors = within(report).getByTestId('products-import-errors');
    const rows = within(errors).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual([expect.stringMatching(/^4price/), expect.stringMatching(/^5the SKU is empty/)]);
    expect((await db.products.where('skuKey').equals('old-1').first())?.name).toBe('New name');
    fireEvent.click(within(report.closest('.ant-modal')!.querySelector('.ant-modal-footer') as HTMLElement).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.getByTestId('product-row-NEW-1')).toBeTruthy());
  });

  it('exports the products as a downloaded CSV file', async () => {
    await ok('products.create', { sku: 'A-1', name: 'A' });
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:test';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    // The mock only records: an expect() thrown inside the click would land in the page's own
    // catch (a toast), not in the test.
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId('product-export'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(saved).toEqual([expect.stringMatching(/^shelfsync-products-\d{4}-\d{2}-\d{2}\.csv$/)]);
    expect(await created[0]!.text()).toContain('sku,name,price,image_url,weight_grams,description');
    click.mockRestore();
  });
});
