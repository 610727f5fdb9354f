import { fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { setTransport } from '@/lib/commands/client';
import { freshDb, raw } from '../helpers/background';

beforeEach(async () => {
  await freshDb();
  setTransport((message) => raw(message));
});

describe('the popup', () => {
  it('says no store is connected and opens the dashboard', async () => {
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    window.close = () => undefined;
    render(<PopupApp />);
    expect(await screen.findByTestId('popup-no-stores')).toBeTruthy();
    expect(screen.getByText('No stores connected yet.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('popup-open-dashboard'));
    expect(created).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/dashboard.html') });
  });

  it('says so when the background does not answer', async () => {
    setTransport(() => Promise.reject(new Error('Receiving end does not exist.')));
    render(<PopupApp />);
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
