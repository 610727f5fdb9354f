import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { setTransport } from '@/lib/commands/client';
import { freshDb, raw } from '../helpers/background';
import type { ShelfsyncDB } from '@/lib/db/database';

let db: ShelfsyncDB;
beforeEach(async () => {
  db = await freshDb();
  setTransport((message) => raw(message));
  window.location.hash = '';
});

describe('the dashboard shell', () => {
  it('shows the product navigation, and the settings with backup and the console switches', async () => {
    window.location.hash = '#/settings';
    render(<DashboardApp />);
    for (const label of ['Store products', 'Inventory', 'System products', 'Warehouses', 'Stock', 'Purchase orders', 'Stores', 'Sync rules', 'Sync log', 'Settings']) {
      expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    }
    const page = await screen.findByTestId('settings-page');
    expect(within(page).getByText('Backup')).toBeTruthy();
    expect(await screen.findByTestId('feature-syncNow')).toBeTruthy();
    // Each switch and field is named by its label, as a screen reader reads it.
    expect(screen.getByLabelText('Sync now button')).toBe(screen.getByTestId('feature-syncNow'));
    expect(screen.getByLabelText('Debug logging')).toBe(screen.getByTestId('debug-logging'));
    expect(screen.getByLabelText('Passphrase for store credentials (optional)')).toBe(screen.getByTestId('backup-export-pass'));
    expect(screen.getByLabelText('Passphrase the backup was made with')).toBe(screen.getByTestId('backup-import-pass'));
    fireEvent.click(screen.getByLabelText('Sync now button'));
    await waitFor(async () => expect(((await db.settings.get('settings'))?.value as { consoleFeatures: { syncNow: boolean } })?.consoleFeatures.syncNow).toBe(false));
  });

  it('routes by the URL hash so a reload lands on the same module', async () => {
    window.location.hash = '#/sync-rules';
    render(<DashboardApp />);
    expect((await screen.findByTestId('rules-empty')).textContent).toMatch(/A store needs a rule before Shelfsync can push stock to it/);
  });

  it('creates a warehouse through the command and shows it live', async () => {
    window.location.hash = '#/inventory/warehouses';
    render(<DashboardApp />);
    expect(await screen.findByText(/No warehouses yet/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('warehouse-add'));
    await screen.findByTestId('warehouse-name');
    expect(screen.getByLabelText('Name')).toBe(screen.getByTestId('warehouse-name'));
    expect(screen.getByLabelText('Code')).toBe(screen.getByTestId('warehouse-code'));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Jakarta DC' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.getByText('JAKARTA-DC')).toBeTruthy());
    expect((await db.warehouses.toArray()).map((w) => w.name)).toEqual(['Jakarta DC']);
  });

  it('shows the refusal on the field when the code is taken', async () => {
    await db.warehouses.add({ name: 'Old', code: 'JKT', createdAt: 1 } as never);
    window.location.hash = '#/inventory/warehouses';
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId('warehouse-add'));
    fireEvent.change(await screen.findByTestId('warehouse-name'), { target: { value: 'New' } });
    fireEvent.change(screen.getByTestId('warehouse-code'), { target: { value: 'jkt' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('A warehouse with code JKT already exists.')).toBeTruthy();
    expect(await db.warehouses.count()).toBe(1);
  });

  it('collapses the sidebar to its icons below 1200 px wide, and its trigger opens it again', async () => {
    const restore = viewport(1024);
    try {
      window.location.hash = '#/settings';
      render(<DashboardApp />);
      const sider = screen.getByTestId('nav-sider');
      await waitFor(() => expect(sider.dataset.collapsed).toBe('true'));
      expect(screen.queryByText('Shelfsync')).toBeNull();
      fireEvent.click(sider.querySelector('.ant-layout-sider-trigger')!);
      await waitFor(() => expect(sider.dataset.collapsed).toBe('false'));
      expect(screen.getByText('Shelfsync')).toBeTruthy();
    } finally {
      restore();
    }
  });

  it('keeps the sidebar open from 1200 px', async () => {
    const restore = viewport(1440);
    try {
      window.location.hash = '#/settings';
      render(<DashboardApp />);
      await screen.findByTestId('settings-page');
      expect(screen.getByTestId('nav-sider').dataset.collapsed).toBe('false');
      expect(screen.getByText('Shelfsync')).toBeTruthy();
    } finally {
      restore();
    }
  });
});

/** A window `width` px wide: innerWidth and the (max-width) media queries antd's breakpoints ask. */
function viewport(width: number): () => void {
  const inner = Object.getOwnPropertyDescriptor(window, 'innerWidth');
  const media = window.matchMedia;
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
  window.matchMedia = ((query: string) => {
    const max = /max-width:\s*([\d.]+)px/.exec(query);
    const min = /min-width:\s*([\d.]+)px/.exec(query);
    const matches = (!max || width <= Number(max[1])) && (!min || width >= Number(min[1]));
    return { matches, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false };
  }) as typeof window.matchMedia;
  return () => {
    if (inner) Object.defineProperty(window, 'innerWidth', inner);
    window.matchMedia = media;
  };
}
