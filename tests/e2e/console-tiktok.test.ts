// Shelfsync inside the fake TikTok Shop Seller Center (tests/simulator/consoles/tiktok.ts), whose
// classes are hashed CSS modules and whose rows carry no link (the id in the checkbox value and a
// data-id label after a line-clamped title; the edit page names the product in a div, no h1):
// the shared console suite (tests/fixtures/consoles/harness.ts).
import { consoleSuite } from '../fixtures/consoles/harness';

consoleSuite({
  platform: 'tiktok',
  rows: 'tbody tr.core-table-tr:not(.core-table-empty-row)',
  list50: (u) => `${u}&tab=active&page_size=50`,
  listed: (s) => s === 'ACTIVATE',
  previousRows: 'tbody tr.core-table-tr:not(.core-table-empty-row)',
  changedMarkup: 'no-rows',
  nextPage: (page) => page.locator('li.core-pagination-item-next').click(),
  away: {
    toProduct: (page) => page.locator('tbody button.core-btn[data-nav*="/product/edit/"]').first().click(),
    back: (page) => page.locator('[data-route="product-edit"] a[href*="/product/manage"]').first().click(),
  },
});
