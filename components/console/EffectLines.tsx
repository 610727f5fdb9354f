// What an action pushes, inside a console popover: the sentence, then the first listings
// from → to (those going to 0 first), small enough for the console's own page.
import { effectsHeadline } from '@/components/common/effectsText';
import type { EffectSummary } from '@/lib/sync/effects';
import { t, tn } from '@/lib/i18n';

const SHOWN = 5;

export function EffectLines({ effects }: { effects: EffectSummary }) {
  const rows = effects.items.filter((e) => e.to !== null).slice(0, SHOWN);
  const notes = [effects.waiting ? tn('fx_waiting', effects.waiting) : '', effects.noNumber ? tn('fx_noNumber', effects.noNumber) : ''].filter(Boolean);
  return (
    <div className="ss-effects" data-shelfsync="effects" data-to-zero={effects.toZero}>
      <p className="ss-effects-line" data-warn={effects.toZero > 0} data-shelfsync="effects-headline">{effectsHeadline(effects)}</p>
      {rows.length > 0 && (
        <ul className="ss-effects-list">
          {rows.map((e) => (
            <li key={e.storeVariantId} data-shelfsync="effect" data-sku={e.sellerSku} data-from={e.from} data-to={e.to ?? ''}>
              <span className="ss-name">{e.sellerSku || e.title}</span>
              <span>
                {e.from} → <b data-zero={e.to === 0 && e.from > 0}>{e.to}</b>
                {!e.pushes && e.to !== e.from && <span className="ss-muted"> ({t('fx_notNow')})</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {effects.total > rows.length && rows.length > 0 && <p className="ss-help">{t('fx_first', rows.length, effects.total)}</p>}
      {notes.map((n) => (
        <p key={n} className="ss-help">{n}</p>
      ))}
    </div>
  );
}
