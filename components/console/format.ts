// Small formatting for the injected UI and the popup (no antd, no dayjs).
import { t, type MessageKey } from '@/lib/i18n';

const rtf = typeof Intl !== 'undefined' && 'RelativeTimeFormat' in Intl ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : null;

/** "2 minutes ago", "yesterday"… */
export function ago(at: number, now = Date.now()): string {
  const s = Math.round((at - now) / 1000);
  const abs = Math.abs(s);
  if (!rtf) return new Date(at).toLocaleString();
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
