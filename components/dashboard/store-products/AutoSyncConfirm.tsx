// Switching auto sync on pushes every connected variant's number at once: before it happens the
// seller sees how many live listings change (and which go to 0), from a dry run.
import { Alert, App, Modal, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '@/lib/commands/client';
import type { EffectSummary } from '@/lib/sync/effects';
import { t, tn } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { effectsHeadline } from '@/components/common/effectsText';
import { PushEffects } from '../sync/PushEffects';

export type AutoSyncTarget = { storeProductIds: number[] } | { all: true };

export function AutoSyncConfirm({ storeId, target, count, onClose, onDone }: { storeId: number; target: AutoSyncTarget | null; count: number; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [effects, setEffects] = useState<EffectSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setEffects(null);
    setError(null);
    if (!target) return;
    let live = true;
    call('storeProducts.setAutoSync', { storeId, ...target, enabled: true, dryRun: true }).then(
      (a) => live && setEffects(a.effects ?? null),
      (err: unknown) => live && setError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [storeId, target]);

  async function confirm() {
    if (!target) return;
    setBusy(true);
    try {
      const { updated } = await call('storeProducts.setAutoSync', { storeId, ...target, enabled: true });
      message.success(`${tn('sp_autoOnDoneN', updated)}${effects ? ` ${effectsHeadline(effects)}` : ''}`);
      onDone();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={target !== null}
      title={tn('sp_autoOnTitle', count)}
      onCancel={onClose}
      onOk={() => void confirm()}
      okText={t('sp_autoOnConfirm')}
      cancelText={t('common_cancel')}
      okButtonProps={{ disabled: !effects, danger: !!effects?.toZero, 'data-testid': 'sp-auto-on-confirm' } as never}
      confirmLoading={busy}
      width={720}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflowY: 'auto' } }}
    >
      <div data-testid="sp-auto-on-dialog">
        <p>{t('sp_autoOnWhat')}</p>
        {!effects && !error && <Skeleton active paragraph={{ rows: 2 }} />}
        {error && <Alert type="error" showIcon title={error} />}
        {effects && <PushEffects effects={effects} testId="sp-auto-on-effects" />}
      </div>
    </Modal>
  );
}
