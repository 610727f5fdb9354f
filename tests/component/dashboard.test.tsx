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
    fireEvent.click(screen.getByTestId('feature-syncNow'));
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
    fireEvent.change(await screen.findByTestId('warehouse-name'), { target: { value: 'Jakarta DC' } });
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
});
