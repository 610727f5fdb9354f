// Small formatting for the injected UI and the popup (no antd, no dayjs).
import { t, uiLocale, type MessageKey } from '@/lib/i18n';

// One formatter per UI language (the language can change while a page is open).
const formatters = new Map<string, Intl.RelativeTimeFormat | null>();
function relative(): Intl.RelativeTimeFormat | null {
  const lang = uiLocale();
  if (!formatters.has(lang)) {
    let f: Intl.RelativeTimeFormat | null = null;
    try {
      f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    } catch {
      f = null;
    }
    formatters.set(lang, f);
  }
  return formatters.get(lang)!;
}

/** "2 minutes ago", "yesterday"… in the UI's language. */
export function ago(at: number, now = Date.now()): string {
  const s = Math.round((at - now) / 1000);
  const abs = Math.abs(s);
  const rtf = relative();
  if (!rtf) return new Date(at).toLocaleString(uiLocale());
  if (abs < 45) return rtf.format(Math.round(s), 'second');
  if (abs < 45 * 60) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 22 * 3600) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86400), 'day');
}

export const SYNC_STATUS_LABEL: Record<'off' | 'never' | 'pending' | 'success' | 'partial' | 'failed', MessageKey> = {
  off: 'console_statusOff',
  never: 'console_statusNever',
  pending: 'console_statusPending',
  success: 'console_statusSuccess',
  partial: 'console_statusPartial',
  failed: 'console_statusFailed',
};

export function statusLabel(s: keyof typeof SYNC_STATUS_LABEL): string {
  return t(SYNC_STATUS_LABEL[s]);
}
