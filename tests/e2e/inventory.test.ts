// The inventory flow in the built extension, through the dashboard UI only (clicks and typing,
// no commands): warehouse → product → stock adjustment → purchase order → partial receipt, with
// the numbers read off the Stock page after every step.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findChromium } from './support/chromium';
import { launchExtension, newProfileDir, removeProfile } from './support/extension';

const profileDir = newProfileDir();
afterAll(() => removeProfile(profileDir));

async function go(page: Page, label: string) {
  await page.getByRole('menuitem', { name: label, exact: true }).click();
}

/** Opens an antd Select, optionally types to search, and picks the visible option containing `text`. */
async function choose(page: Page, testId: string, text: string, search?: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: text, visible: true }).click();
}

/** Closes the open drawer with its close button and waits until it is gone. The click is made
 *  again while the drawer stays open: CI once saw a first click, made while the drawer re-rendered
 *  after a receipt, leave it open for 30 s (not reproduced; a drawer that never closes still fails). */
async function closeDrawer(page: Page, content: ReturnType<Page['getByTestId']>) {
  const close = page.getByRole('dialog').filter({ has: content }).getByRole('button', { name: 'Close', exact: true });
  await close.click();
  await expect
    .poll(async () => {
      if (await content.isHidden()) return true;
      await close.click({ timeout: 2_000 }).catch(() => undefined);
      return content.isHidden();
    }, { timeout: 30_000, interval: 500 })
    .toBe(true);
}

async function stockRow(page: Page) {
  await go(page, 'Stock');
  const row = page.getByTestId('stock-row-E2E-TEE-E2E');
  await row.waitFor();
  return row;
}

async function expectNumbers(page: Page, want: { onHand: number; reserved: number; sellable: number; inTransit: number }) {
  const row = await stockRow(page);
  for (const [field, value] of Object.entries(want)) {
    await expect.poll(() => row.getByTestId(`stock-${field}`).textContent(), { message: field, timeout: 10_000 }).toBe(String(value));
  }
}

describe.skipIf(!findChromium())('inventory in the dashboard, in Chromium', () => {
  it('creates a warehouse and a product, adjusts stock, orders and partly receives a purchase order, with the right numbers on screen', async () => {
    const ext = await launchExtension({ profileDir });
    try {
      const page = await ext.open('dashboard.html#/inventory/warehouses');

      // 1. A warehouse.
      await page.getByTestId('warehouse-add').click();
      await page.getByTestId('warehouse-name').fill('E2E warehouse');
      await page.getByTestId('warehouse-code').fill('E2E');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('cell', { name: 'E2E warehouse' }).waitFor();

      // 2. A system product, from the empty state's button.
      await go(page, 'System products');
      await page.getByTestId('products-empty').getByTestId('product-add').click();
      await page.getByTestId('product-sku').fill('E2E-TEE');
      await page.getByTestId('product-name').fill('End-to-end tee');
      await page.getByTestId('product-price').fill('9.5');
      await page.getByTestId('product-save').click();
      const productRow = page.getByTestId('product-row-E2E-TEE');
      await productRow.waitFor();
      expect(await productRow.textContent()).toContain('End-to-end tee');

      // 3. Stock +30 through the Adjust stock modal.
      await go(page, 'Stock');
      await page.getByTestId('stock-empty').waitFor();
      await page.getByTestId('stock-adjust').click();
      await choose(page, 'adjust-product', 'E2E-TEE — End-to-end tee', 'e2e');
      await choose(page, 'adjust-warehouse', 'E2E warehouse (E2E)');
      await page.getByTestId('adjust-mode-add').click();
      await page.getByTestId('adjust-quantity').fill('30');
      await expect.poll(() => page.getByTestId('adjust-preview').textContent()).toBe('On hand 0 → 30; sellable becomes 30.');
      await page.getByTestId('adjust-reason').fill('opening stock');
      await page.getByTestId('adjust-submit').click();
      await expectNumbers(page, { onHand: 30, reserved: 0, sellable: 30, inTransit: 0 });

      // 4. A purchase order of 50.
      await go(page, 'Purchase orders');
      await page.getByTestId('po-empty').getByTestId('po-add').click();
      await choose(page, 'po-warehouse', 'E2E warehouse (E2E)');
      await page.getByTestId('po-supplier').fill('E2E Supplies');
      await choose(page, 'po-line-product-0', 'E2E-TEE — End-to-end tee', 'E2E-T');
      await page.getByTestId('po-line-quantity-0').fill('50');
      await page.getByTestId('po-create-submit').click();
      const detail = page.getByTestId('po-detail');
      await detail.waitFor();
      await expect.poll(() => detail.getByTestId('po-status').textContent()).toBe('Ordered');
      await closeDrawer(page, detail);
      await expectNumbers(page, { onHand: 30, reserved: 0, sellable: 30, inTransit: 50 });

      // 5. Receive 20 of it.
      await go(page, 'Purchase orders');
      await page.locator('[data-testid^="po-open-"]').first().click();
      await detail.waitFor();
      const receive = detail.getByTestId('po-receive-E2E-TEE');
      expect(await receive.inputValue()).toBe('50');
      await receive.fill('20');
      await detail.getByTestId('po-receive-submit').click();
      await expect.poll(() => detail.getByTestId('po-status').textContent()).toBe('Partially received');
      const line = detail.getByTestId('po-line-E2E-TEE');
      expect(await line.getByTestId('po-line-received').textContent()).toBe('20');
      expect(await line.getByTestId('po-line-open').textContent()).toBe('30');
      await closeDrawer(page, detail);
      await expectNumbers(page, { onHand: 50, reserved: 0, sellable: 50, inTransit: 30 });

      // The ledger tells the same story, newest first.
      await page.getByTestId('stock-history-E2E-TEE-E2E').click();
      const ledger = page.getByTestId('movements-table');
      await expect.poll(() => ledger.locator('tbody tr').count()).toBe(3);
      const kinds = await ledger.locator('tbody tr td:nth-child(2)').allTextContents();
      expect(kinds).toEqual(['Purchase received', 'Purchase ordered', 'Adjustment']);

      expect(ext.pageErrors).toEqual([]);
    } finally {
      await ext.close();
    }
  });
});
