// Counted messages: "1 draft" / "3 drafts" (the browser's i18n has no plural rules, so each
// counted message has a `…_one` key beside it). The count is always the first substitution.
import { t, type MessageKey } from '@/lib/i18n';
import { formatNumber } from '../inventory/format';

export function tn(count: number, one: MessageKey, many: MessageKey, ...rest: (string | number)[]): string {
  return t(count === 1 ? one : many, formatNumber(count), ...rest);
}
