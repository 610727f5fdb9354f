import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from './support/chromium';
import { launchExtension, newProfileDir, removeProfile, sendFrom } from './support/extension';

const profileDir = newProfileDir();
afterAll(() => removeProfile(profileDir));

describe.skipIf(!findChromium())('the built extension in Chromium', () => {
  it('starts its service worker, renders the dashboard and popup without errors, and keeps data across a browser restart', async () => {
    const first = await launchExtension({ profileDir });
    try {
      expect(first.extensionId).toMatch(/^[a-p]{32}$/);

      const dashboard = await first.open('dashboard.html');
      await dashboard.getByRole('menuitem', { name: 'Warehouses' }).click();
      await dashboard.getByText('No warehouses yet', { exact: false }).waitFor();

      // A command round-trip from an extension page, the path every UI write takes.
      const created = await sendFrom(dashboard, 'warehouses.create', { name: 'Persisted DC', code: 'PDC' });
      expect(created).toMatchObject({ ok: true, data: { name: 'Persisted DC', code: 'PDC' } });
      await dashboard.getByRole('cell', { name: 'Persisted DC' }).waitFor();

      const refused = await sendFrom(dashboard, 'warehouses.create', { name: '' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const unknown = await sendFrom(dashboard, 'nope.nothing', {});
      expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_command' } });

      const popup = await first.open('popup.html');
      await popup.getByTestId('popup-no-stores').waitFor();
      expect(await popup.getByTestId('popup-open-dashboard').textContent()).toBe('Open dashboard');

      expect(first.pageErrors).toEqual([]);
    } finally {
      await first.close();
    }

    const second = await launchExtension({ profileDir });
    try {
      const dashboard = await second.open('dashboard.html#/inventory/warehouses');
      await dashboard.getByRole('cell', { name: 'Persisted DC' }).waitFor();
      const list = await sendFrom(dashboard, 'warehouses.list');
      expect(list.ok).toBe(true);
      expect(list.data.items.map((w: { code: string }) => w.code)).toEqual(['PDC']);
      expect(second.pageErrors).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
