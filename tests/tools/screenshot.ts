// Looks at a page of the built test extension as a seller would: a PNG of an extension page.
// npx tsx tests/tools/screenshot.ts 'dashboard.html#/inventory/warehouses' /tmp/dash.png
import { launchExtension } from '../e2e/support/extension';

const [pagePath = 'dashboard.html', out = 'screenshot.png'] = process.argv.slice(2);
const ext = await launchExtension();
try {
  const page = await ext.open(pagePath);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`saved ${out}${ext.pageErrors.length ? `; page errors: ${ext.pageErrors.join(' | ')}` : ''}`);
} finally {
  await ext.close();
}
