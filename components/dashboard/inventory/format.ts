// How inventory pages write numbers and times.
import { uiLocale } from '@/lib/i18n';

export function formatTime(ms: number | null | undefined): string {
  return ms ? new Date(ms).toLocaleString(uiLocale()) : '';
}

export function formatNumber(n: number | null | undefined, fractionDigits?: number): string {
  if (n === null || n === undefined) return '';
  return n.toLocaleString(uiLocale(), fractionDigits === undefined ? undefined : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/** The page sizes every inventory table offers. */
export const PAGE_SIZES = [20, 50, 100, 200];
