// Connect… : choose the system product a store variant sells (searchable picker over
// `products.list {q}`), then `storeVariants.connect`.
import { App, Descriptions, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '@/lib/commands/client';
import { t } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { ProductPicker } from '../inventory/ProductPicker';

export interface ConnectTarget {
  id: number;
  title: string;
  sellerSku: string;
  options?: Record<string, string> | null;
}

export function optionText(options: Record<string, string> | null | undefined): string {
  return options ? Object.entries(options).map(([k, v]) => `${k}: ${v}`).join(', ') : '';
}

export function ConnectModal({ target, onClose, onConnected }: { target: ConnectTarget | null; onClose: () => void; onConnected: (sku: string) => void }) {
  const { message } = App.useApp();
  const [productId, setProductId] = useState<number>();
  const [sku, setSku] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setProductId(undefined);
    setSku('');
  }, [target?.id]);

  async function connect() {
    if (!target || productId === undefined) return;
    setBusy(true);
    try {
      await call('storeVariants.connect', { id: target.id, productId });
      message.success(t('unc_connectedToast', target.sellerSku || target.title, sku));
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
      okButtonProps={{ disabled: productId === undefined, 'data-testid': 'unc-connect-ok' } as never}
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
            <Form.Item label={t('unc_pickProduct')} extra={t('unc_pickProductHelp')}>
              <ProductPicker
                value={productId}
                onChange={(id, p) => {
                  setProductId(id);
                  setSku(p?.sku ?? '');
                }}
                data-testid="unc-connect-picker"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
