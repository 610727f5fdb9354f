// A small picker beside the control that opened it: closes on Escape, on a click outside it and
// with its × button; the first field gets the focus.
import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { Floating } from './Floating';
import { Close } from './icons';

export function Popover({ anchor, title, onClose, children, testId }: { anchor: Element | null; title: string; onClose: () => void; children: ReactNode; testId: string }) {
  const el = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const outside = (e: Event) => {
      const path = e.composedPath();
      if (el.current && !path.includes(el.current) && !(anchor && path.includes(anchor))) onClose();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('keydown', key, true);
    const first = el.current?.querySelector<HTMLElement>('input, select, button:not(.ss-pop-x)');
    first?.focus({ preventScroll: true });
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('keydown', key, true);
    };
  }, [anchor, onClose]);
  return (
    <Floating anchor={anchor} className="ss-pop" width={300} role="dialog" label={title} data-shelfsync={testId} onRef={(x) => (el.current = x)}>
      <h3>{title}</h3>
      <button type="button" className="ss-btn ss-btn--quiet ss-pop-x" aria-label={t('console_close')} onClick={onClose}>
        <Close />
      </button>
      {children}
    </Floating>
  );
}
