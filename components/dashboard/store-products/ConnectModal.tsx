// Connect… : choose the system product a store variant sells (searchable picker over
// `products.list {q}`), see the number the connection will push (a dry run of
// `storeVariants.connect`), then connect. When no system product fits, Add system SKU from here.
import { Alert, App, Button, Descriptions, Form, Modal, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { t } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { connectLine } from '@/components/common/effectsText';
import { ProductPicker } from '../inventory/ProductPicker';
import { FromTo } from '../sync/PushEffects';

type ConnectPreview = CommandOutput<'storeVariants.connect'>;

export interface ConnectTarget {
  id: number;
  title: string;
  sellerSku: string;
  options?: Record<string, string> | null;
  /** A suggested product to start from (a candidate's Connect to …). */
  product?: { id: number; sku: string; name: string };
}

export function optionText(options: Record<string, string> | null | undefined): string {
  return options ? Object.entries(options).map(([k, v]) => `${k}: ${v}`).join(', ') : '';
}

export function ConnectModal({ target, onClose, onConnected, onAddSystemSku }: { target: ConnectTarget | null; onClose: () => void; onConnected: (sku: string) => void; onAddSystemSku?: (storeVariantId: number) => void }) {
  const { message } = App.useApp();
  const [productId, setProductId] = useState<number>();
  const [sku, setSku] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<ConnectPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  useEffect(() => {
    setProductId(target?.product?.id);
    setSku(target?.product?.sku ?? '');
  }, [target?.id, target?.product?.id, target?.product?.sku]);
  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    if (!target || productId === undefined) return;
    let live = true;
    call('storeVariants.connect', { id: target.id, productId, dryRun: true }).then(
      (p) => live && setPreview(p),
      (err: unknown) => live && setPreviewError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [target, productId]);

  async function connect() {
    if (!target || productId === undefined) return;
    setBusy(true);
    try {
      const done = await call('storeVariants.connect', { id: target.id, productId });
      message.success(`${t('unc_connectedToast', target.sellerSku || target.title, sku)} ${connectLine(done)}`);
      onConnected(sku);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={target !== null}
      title={t('unc_connectTitle')}
      onCancel={onClose}
      onOk={connect}
      okText={t('unc_connect')}
      cancelText={t('common_cancel')}
      okButtonProps={{ disabled: productId === undefined || !preview, 'data-testid': 'unc-connect-ok' } as never}
      confirmLoading={busy}
      destroyOnHidden
    >
      {target && (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'title', label: t('unc_colTitle'), children: target.title },
              { key: 'sku', label: t('unc_colSellerSku'), children: target.sellerSku || <Typography.Text type="secondary" italic>{t('sp_noSku')}</Typography.Text> },
              ...(optionText(target.options) ? [{ key: 'options', label: t('unc_colOptions'), children: optionText(target.options) }] : []),
            ]}
          />
          <Form layout="vertical">
            <Form.Item label={t('unc_pickProduct')} htmlFor="unc-connect-product" extra={t('unc_pickProductHelp')}>
              <ProductPicker
                id="unc-connect-product"
                value={productId}
                initial={target.product}
                onChange={(id, p) => {
                  setProductId(id);
                  setSku(p?.sku ?? '');
                }}
                data-testid="unc-connect-picker"
              />
            </Form.Item>
          </Form>
          {preview && (
            <Alert
              type={preview.pushes && preview.pushQuantity === 0 && preview.from > 0 ? 'warning' : 'info'}
              showIcon
              title={<span data-testid="unc-connect-effect">{connectLine(preview)}</span>}
              description={preview.pushQuantity !== null ? <FromTo effect={{ from: preview.from, to: preview.pushQuantity, pushes: preview.pushes }} /> : undefined}
            />
          )}
          {previewError && <Alert type="error" showIcon title={previewError} />}
          {onAddSystemSku && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('unc_connectNoneFits')}{' '}
              <Button size="small" icon={<PlusOutlined />} onClick={() => onAddSystemSku(target.id)} disabled={!target.sellerSku.trim()} data-testid="unc-connect-add-sku">
                {t('unc_addSku')}
              </Button>
            </Typography.Paragraph>
          )}
        </>
      )}
    </Modal>
  );
}
