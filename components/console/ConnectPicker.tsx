// Connect…: for a listing variant without a system product, search the system products (SKU
// prefix or name) and pick one; or Add system SKU (create system products from the unconnected
// variants, SKU = seller SKU). For a connected listing it shows the system SKUs.
import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import type { ActionResult, Preview } from '@/lib/consoles/runtime/actions';
import { connectLine } from '@/components/common/effectsText';
import { useSession, useStatus } from './context';
import { connectListing, previewConnect, searchProducts, type ConnectPreview, type ProductHit } from './features/connect';
import type { PickerProps } from './features/define';
import { Popover } from './Popover';

export function ConnectPicker({ ids, anchor, onClose }: PickerProps) {
  const id = ids[0]!;
  const session = useSession();
  const status = useStatus(id);
  const variants = status?.variants ?? [];
  const firstOpen = variants.find((v) => !v.systemSku) ?? variants[0];
  const [variantId, setVariantId] = useState<number | undefined>(firstOpen?.id);
  const variant = variants.find((v) => v.id === variantId) ?? firstOpen;
  const [q, setQ] = useState(firstOpen?.sellerSku ?? '');
  const [hits, setHits] = useState<ProductHit[] | null>(null);
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => void searchProducts(q.trim()).then((h) => live && setHits(h)), 180);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);

  // A chosen product is connected only after the seller has seen the number it pushes.
  const [chosen, setChosen] = useState<ProductHit | null>(null);
  const [preview, setPreview] = useState<Preview<ConnectPreview> | null>(null);
  useEffect(() => {
    setPreview(null);
    if (!chosen) return;
    let live = true;
    void previewConnect(id, chosen.id, variant?.id).then((p) => live && setPreview(p));
    return () => {
      live = false;
    };
  }, [id, chosen, variant?.id]);

  const run = async (fn: () => Promise<ActionResult>) => {
    setWorking(true);
    setResult(null);
    try {
      setResult(await fn());
    } finally {
      setWorking(false);
    }
  };
  const unconnected = variants.filter((v) => !v.systemSku).length;

  return (
    <Popover anchor={anchor} title={t('console_connectTitle')} onClose={onClose} testId="connect-picker">
      {variants.length > 1 && (
        <select className="ss-select" aria-label={t('console_connectVariant')} data-shelfsync="connect-variant" value={variant?.id} onChange={(e) => setVariantId(Number(e.currentTarget.value))}>
          {variants.map((v) => (
            <option key={v.id} value={v.id}>
              {`${v.sellerSku || '—'} → ${v.systemSku ?? t('console_unconnected')}`}
            </option>
          ))}
        </select>
      )}
      {variants.length === 1 && variant && (
        <p className="ss-help">{`${variant.sellerSku || '—'} → ${variant.systemSku ?? t('console_unconnected')}`}</p>
      )}
      <input className="ss-input" type="search" data-shelfsync="connect-search" placeholder={t('console_connectSearch')} aria-label={t('console_connectSearch')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {hits?.length === 0 && <p className="ss-help">{t('console_connectNoResults')}</p>}
      {!!hits?.length && (
        <ul className="ss-list">
          {hits.map((h) => (
            <li key={h.id}>
              <button type="button" className="ss-btn ss-option" data-shelfsync="connect-option" data-sku={h.sku} aria-pressed={chosen?.id === h.id} disabled={working || !variant} onClick={() => setChosen(h)}>
                <b>{h.sku}</b>
                <span className="ss-name">{h.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && preview && (
        <div className="ss-effects" data-shelfsync="connect-effect">
          {preview.ok ? (
            <p className="ss-effects-line" data-warn={preview.data.pushes && preview.data.pushQuantity === 0 && preview.data.from > 0}>
              {`${t('console_connectPick', chosen.sku)}: ${connectLine(preview.data)}`}
            </p>
          ) : (
            <p className="ss-result" data-ok="false">{preview.message}</p>
          )}
        </div>
      )}
      {result && (
        <p className="ss-result" data-ok={result.ok} role="status" data-shelfsync="connect-result">
          {result.message}
        </p>
      )}
      <div className="ss-row-end">
        {unconnected > 0 && (
          <button type="button" className="ss-btn" data-shelfsync="connect-add-sku" title={t('console_connectAddSkuHelp')} disabled={working} onClick={() => session.actions.openPicker('addSku', [id], anchor)}>
            {t('console_toolbarAddSku')}
          </button>
        )}
        {chosen && (
          <button type="button" className="ss-btn ss-btn--primary" data-shelfsync="connect-confirm" disabled={working || !preview?.ok || !!result?.ok} onClick={() => void run(() => connectListing(session, id, chosen.id, variant?.id))}>
            {t('console_connectConfirm')}
          </button>
        )}
      </div>
    </Popover>
  );
}
