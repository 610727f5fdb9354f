// The popup on a console tab whose listings Shelfsync cannot read (all or some of them): one
// sentence with the counts, and "Copy page outline" — the masked outline of the listing table
// (lib/consoles/outline.ts: structure only) for the seller to paste into a support message. The
// background asks the tab's content script (consoles.pageState); a tab without one says nothing.
import { useEffect, useState } from 'react';
import { send, type CommandOutput } from '@/lib/commands/client';
import { t } from '@/lib/i18n';

type PageState = CommandOutput<'consoles.pageState'>;
type Unreadable = Extract<PageState, { platform: string }> & { state: 'some' | 'none' };

const isUnreadable = (p: PageState | null): p is Unreadable => p?.state === 'some' || p?.state === 'none';

export function PageReadability({ tabId }: { tabId: number }) {
  const [page, setPage] = useState<PageState | null>(null);
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    void send('consoles.pageState', { tabId }).then((a) => live && a.ok && setPage(a.data));
    return () => {
      live = false;
    };
  }, [tabId]);
  if (page === null) return null;
  // Answered, nothing to say: a hidden mark, so a test can tell "read fine" from "not asked yet".
  if (!isUnreadable(page)) return <span hidden data-testid="popup-page-state" data-state={String(page.state)} />;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(page.outline ?? '');
      setCopied({ ok: true, text: t('popup_outlineCopied') });
    } catch (err) {
      setCopied({ ok: false, text: t('popup_outlineCopyFailed', err instanceof Error ? err.message : String(err)) });
    }
  };
  return (
    <section className="popup__warn" role="alert" data-testid="popup-unreadable" data-state={page.state}>
      <p className="popup__plain">{page.state === 'none' ? t('popup_pageUnreadable', page.read, page.shown) : t('popup_pagePartlyUnreadable', page.read, page.shown)}</p>
      {page.outline && (
        <button type="button" className="popup__secondary popup__copy" data-testid="popup-copy-outline" onClick={() => void copy()}>
          {t('popup_copyOutline')}
        </button>
      )}
      {copied && (
        <p className={copied.ok ? 'popup__plain popup__small' : 'popup__plain popup__small popup__bad'} role="status" data-testid="popup-outline-result">
          {copied.text}
        </p>
      )}
    </section>
  );
}
