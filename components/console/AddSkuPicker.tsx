// Add system SKU from the console: where the new products' stock comes from (each listing's
// platform stock into a warehouse, or 0) and what each listing will be pushed — a dry run,
// asked again when the choice changes — before anything is created.
import { useEffect, useState } from 'react';
import { t, tn } from '@/lib/i18n';
import type { ActionResult } from '@/lib/consoles/runtime/actions';
import { useSession } from './context';
import { EffectLines } from './EffectLines';
import { addSystemSku, previewAddSystemSku, type AddSkuPreview, type StartingStock } from './features/connect';
import type { PickerProps } from './features/define';
import { Popover } from './Popover';

export function AddSkuPicker({ ids, anchor, onClose }: PickerProps) {
  const session = useSession();
  const [starting, setStarting] = useState<StartingStock>('platform');
  const [warehouseId, setWarehouseId] = useState<number | undefined>();
  const [preview, setPreview] = useState<AddSkuPreview | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);

  useEffect(() => {
    let live = true;
    setRefusal(null);
    void previewAddSystemSku(ids, starting, starting === 'platform' ? warehouseId : undefined).then((p) => {
      if (!live) return;
      if (p.ok) {
        setPreview(p.data);
        if (starting === 'platform' && warehouseId === undefined && p.data.warehouses.length === 1) setWarehouseId(p.data.warehouses[0]!.warehouseId);
      } else {
        setPreview(null);
        setRefusal(p.message);
      }
    });
    return () => {
      live = false;
    };
  }, [ids, starting, warehouseId]);

  const choices = preview?.warehouseChoices ?? [];
  const creating = preview ? preview.created.length + preview.joined.length : 0;
  const confirm = async () => {
    setWorking(true);
    try {
      setResult(await addSystemSku(session, ids, starting, starting === 'platform' ? warehouseId : undefined));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Popover anchor={anchor} title={t('console_addSkuTitle')} onClose={onClose} testId="add-sku-picker">
      {preview?.message ? (
        <p className="ss-help">{preview.message}</p>
      ) : (
        <>
          <p className="ss-help">{t('console_addSkuWhat')}</p>
          <label className="ss-choice">
            <input type="radio" name="ss-starting" data-shelfsync="add-sku-platform" checked={starting === 'platform'} disabled={working || !!result} onChange={() => setStarting('platform')} />
            <span>{t('unc_addFromPlatform')}</span>
          </label>
          {starting === 'platform' && choices.length > 0 && (
            <select className="ss-select" aria-label={t('unc_addWarehouse')} data-shelfsync="add-sku-warehouse" value={warehouseId ?? ''} disabled={working || !!result} onChange={(e) => setWarehouseId(Number(e.currentTarget.value))}>
              {warehouseId === undefined && <option value="">{t('stock_pickWarehouse')}</option>}
              {choices.map((w) => (
                <option key={w.id} value={w.id}>{`${w.name} (${w.code})`}</option>
              ))}
            </select>
          )}
          <label className="ss-choice">
            <input type="radio" name="ss-starting" data-shelfsync="add-sku-zero" checked={starting === 'zero'} disabled={working || !!result} onChange={() => setStarting('zero')} />
            <span>{t('unc_addFromZero')}</span>
          </label>
          {refusal && <p className="ss-result" data-ok="false" data-shelfsync="add-sku-refusal">{refusal}</p>}
          {preview && <EffectLines effects={preview.effects} />}
          {preview && preview.errors.length > 0 && <p className="ss-help">{preview.errors[0]!.message}</p>}
        </>
      )}
      {result && (
        <p className="ss-result" data-ok={result.ok} role="status" data-shelfsync="add-sku-result">{result.message}</p>
      )}
      <div className="ss-row-end">
        {result ? (
          <button type="button" className="ss-btn" onClick={onClose}>{t('console_close')}</button>
        ) : (
          <button type="button" className="ss-btn ss-btn--primary" data-shelfsync="add-sku-confirm" disabled={working || !preview || creating === 0} onClick={() => void confirm()}>
            {tn('unc_addConfirm', creating)}
          </button>
        )}
      </div>
    </Popover>
  );
}
