// The popup on a WooCommerce console tab of a connected store where Shelfsync may not run: the
// site's host was never granted for this spelling of it (stores connected before the www. twin
// was asked for at connect, or the seller took the grant back). Without the grant the content
// script is not registered there and the page shows no controls — silently — so the popup says
// it and asks, in the click (Chrome grants an optional host only during a user gesture). Once
// allowed, the background registers the script for the site (permissions.onAdded) and the seller
// reloads the page.
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { originPattern } from '@/lib/permissions/hosts';

/** `https://www.shop.example/wp-admin/…` → `https://www.shop.example/*` (what the grant is for). */
export function siteOrigin(url: string): string | null {
  try {
    return /^https?:$/.test(new URL(url).protocol) ? originPattern(url) : null;
  } catch {
    return null;
  }
}

export function SiteAccess({ url }: { url: string }) {
  const origin = siteOrigin(url);
  const [granted, setGranted] = useState<boolean | null>(null);
  const [asked, setAsked] = useState<'allowed' | 'declined' | null>(null);
  useEffect(() => {
    let live = true;
    if (origin) void browser.permissions.contains({ origins: [origin] }).then((yes) => live && setGranted(yes), () => live && setGranted(null));
    return () => {
      live = false;
    };
  }, [origin]);
  if (!origin || granted !== false) return null;
  const host = new URL(url).hostname;

  const allow = () => {
    // Synchronously in the click: nothing awaited before the request.
    void browser.permissions.request({ origins: [origin] }).then(
      (yes) => setAsked(yes ? 'allowed' : 'declined'),
      () => setAsked('declined'),
    );
  };
  return (
    <section className="popup__warn" role="alert" data-testid="popup-site-access" data-origin={origin}>
      {asked === 'allowed' ? (
        <p className="popup__plain" role="status" data-testid="popup-site-allowed">{t('popup_siteAllowed', host)}</p>
      ) : (
        <>
          <p className="popup__plain">{t('popup_siteNoAccess', host)}</p>
          <button type="button" className="popup__secondary popup__copy" data-testid="popup-site-allow" onClick={allow}>
            {t('popup_siteAllow', host)}
          </button>
          {asked === 'declined' && <p className="popup__plain popup__small popup__bad" role="status">{t('popup_siteDeclined')}</p>}
        </>
      )}
    </section>
  );
}
