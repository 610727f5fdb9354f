// Shelfsync inside the fake TikTok Shop Seller Center (tests/simulator/consoles/tiktok.ts), whose
// classes are hashed CSS modules: the shared console suite (tests/fixtures/consoles/harness.ts).
import { consoleSuite } from '../fixtures/consoles/harness';

consoleSuite({
  platform: 'tiktok',
  rows: 'tbody tr.core-table-tr:not(.core-table-empty-row)',
  list50: (u) => `${u}&tab=active&page_size=50`,
  listed: (s) => s === 'ACTIVATE',
  changedMarkup: 'no-rows',
  nextPage: (page) => page.locator('li.core-pagination-item-next').click(),
  away: {
    toProduct: (page) => page.locator('tbody a[href*="/product/edit/"]').first().click(),
    back: (page) => page.locator('[data-route="product-edit"] a[href*="/product/manage"]').first().click(),
  },
});
