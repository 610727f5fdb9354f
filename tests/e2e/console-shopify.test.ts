// Shelfsync inside the fake Shopify admin (tests/simulator/consoles/shopify.ts): Polaris rows that
// follow their link on any click (our controls must not), numeric admin ids turned into product
// GIDs — the shared console suite (tests/fixtures/consoles/harness.ts).
import { consoleSuite } from '../fixtures/consoles/harness';

consoleSuite({
  platform: 'shopify',
  rows: 'tr[class*="Polaris-IndexTable__TableRow"]',
  list50: (u) => u,
  listed: () => true,
  changedMarkup: 'no-rows',
  nextPage: (page) => page.locator('button[class*="Pagination__NextButton"]').click(),
  away: {
    toProduct: (page) => page.locator('a[data-primary-link]').first().click(),
    back: (page) => page.locator('a.back-link').first().click(),
  },
});
