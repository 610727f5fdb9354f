// Add system SKU, asked before it happens: where the new products' stock comes from (each
// listing's platform stock into a warehouse, or 0) and, per listing, the number that will be
// pushed — a dry run of the same command, re-asked whenever the choice changes.
import { Alert, Form, Modal, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { CommandError } from '@/lib/commands/errors';
import { t, tn } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { WarehouseSelect } from '../inventory/WarehouseSelect';
import { useWarehouses } from '../inventory/useWarehouses';
import { PushEffects } from '../sync/PushEffects';

export type AddResult = CommandOutput<'storeVariants.createSystemProducts'>;
type Starting = 'platform' | 'zero';

export function AddSystemSkuModal({ storeVariantIds, onClose, onDone }: { storeVariantIds: number[] | null; onClose: () => void; onDone: (result: AddResult) => void }) {
  const open = storeVariantIds !== null && storeVariantIds.length > 0;
  const { warehouses } = useWarehouses();
  const [chosen, setStarting] = useState<Starting>('platform');
  const noWarehouses = warehouses !== undefined && warehouses.length === 0;
  // Without a warehouse the platform stock has nowhere to go: the products start at 0.
  const starting: Starting = noWarehouses ? 'zero' : chosen;
  const [warehouseId, setWarehouseId] = useState<number | undefined>();
  const [preview, setPreview] = useState<AddResult | null>(null);
  const [refusal, setRefusal] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = storeVariantIds ?? [];
  const key = ids.join();

  useEffect(() => {
    setStarting('platform');
    setWarehouseId(undefined);
    setPreview(null);
    setRefusal(null);
  }, [key]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setRefusal(null);
    call('storeVariants.createSystemProducts', { storeVariantIds: ids, startingStock: starting, warehouseId: starting === 'platform' ? warehouseId : undefined, dryRun: true })
      .then((p) => {
        if (!live) return;
        setPreview(p);
        // Show the warehouse the background chose (the rule's first) as the picker's value.
        if (starting === 'platform' && warehouseId === undefined && p.warehouses.length === 1) setWarehouseId(p.warehouses[0]!.warehouseId);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setPreview(null);
        setRefusal(err instanceof CommandError ? err : new CommandError('internal', errorText(err)));
      });
    return () => {
      live = false;
    };
    // `ids` changes exactly when `key` does.
  }, [open, key, starting, warehouseId]);

  async function confirm() {
    setBusy(true);
    try {
      const result = await call('storeVariants.createSystemProducts', { storeVariantIds: ids, startingStock: starting, warehouseId: starting === 'platform' ? warehouseId : undefined });
      onDone(result);
    } catch (err) {
      setRefusal(err instanceof CommandError ? err : new CommandError('internal', errorText(err)));
    } finally {
      setBusy(false);
    }
  }

  const creating = preview ? preview.created.length + preview.joined.length : 0;
  return (
    <Modal
      open={open}
      title={t('unc_addTitle')}
      onCancel={onClose}
      onOk={() => void confirm()}
      okText={preview ? tn('unc_addConfirm', creating) : t('unc_addSku')}
      cancelText={t('common_cancel')}
      okButtonProps={{ disabled: !preview || creating === 0, danger: !!preview?.effects.toZero, 'data-testid': 'unc-add-confirm' } as never}
      confirmLoading={busy}
      width={760}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflowY: 'auto' } }}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="unc-add-dialog">
        <Typography.Text type="secondary">{t('unc_addWhat')}</Typography.Text>
        <Form layout="vertical" style={{ marginBottom: 0 }}>
          <Form.Item label={t('unc_addStartingStock')} htmlFor="unc-add-starting" style={{ marginBottom: 8 }}>
            <Radio.Group id="unc-add-starting" value={starting} onChange={(e) => setStarting(e.target.value as Starting)} data-testid="unc-add-starting">
              <Space orientation="vertical">
                <Radio value="platform" disabled={noWarehouses} data-testid="unc-add-platform">{t('unc_addFromPlatform')}</Radio>
                <Radio value="zero" data-testid="unc-add-zero">{t('unc_addFromZero')}</Radio>
              </Space>
            </Radio.Group>
          </Form.Item>
          {starting === 'platform' && (
            <Form.Item label={t('unc_addWarehouse')} htmlFor="unc-add-warehouse" extra={t('unc_addWarehouseHelp')} style={{ marginBottom: 0 }} validateStatus={refusal?.code === 'warehouse_required' ? 'error' : undefined}>
              <WarehouseSelect id="unc-add-warehouse" value={warehouseId} onChange={(w) => setWarehouseId(w)} style={{ maxWidth: 360 }} data-testid="unc-add-warehouse" />
            </Form.Item>
          )}
        </Form>
        {noWarehouses && <Alert type="info" showIcon title={t('unc_addNoWarehouse')} />}
        {refusal && <Alert type="error" showIcon title={refusal.message} data-testid="unc-add-refusal" />}
        {preview && <PushEffects effects={preview.effects} testId="unc-add-effects" />}
        {preview && preview.errors.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={tn('unc_addSkipped', preview.errors.length)}
            description={preview.errors.slice(0, 5).map((e) => <div key={e.storeVariantId}>{e.message}</div>)}
            data-testid="unc-add-skipped"
          />
        )}
      </Space>
    </Modal>
  );
}
