// The one sentence that says what an action pushes to live listings, shared by the dashboard
// (PushEffects) and the console's injected controls (which must not load antd).
import type { EffectSummary } from '@/lib/sync/effects';
import { t, tn } from '@/lib/i18n';

/** How many listings change now (in how many stores), how many go to 0; or that nothing does. */
export function effectsHeadline(e: EffectSummary): string {
  if (e.changes > 0) {
    const where = e.stores > 1 ? ` ${tn('fx_inStores', e.stores)}` : '';
    return `${tn('fx_changes', e.listings)}${where}${e.toZero ? ` ${tn('fx_toZero', e.toZero)}` : ''}`;
  }
  if (e.unchanged > 0) return t('fx_nothingChanges');
  return t('fx_nothingPushed');
}

/** What connecting one variant pushes: now, at its next sync (auto sync off), or nothing (no rule). */
export function connectLine(p: { pushQuantity: number | null; from: number; pushes: boolean }): string {
  if (p.pushQuantity === null) return t('unc_connectNoRule');
  if (!p.pushes) return t('unc_connectLater', p.pushQuantity);
  if (p.pushQuantity === p.from) return t('unc_connectSame', p.from);
  return t('unc_connectPushes', p.from, p.pushQuantity);
}
