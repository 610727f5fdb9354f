// One purchase order: its lines (ordered, received, open), receiving in part or in full, and
// cancelling what will not arrive. Read live from IndexedDB; every change goes through commands.
import { Alert, App, Button, Descriptions, Drawer, Form, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { call } from '@/lib/commands/client';
import { CommandError } from '@/lib/commands/errors';
import { getDb } from '@/lib/db/database';
import type { PurchaseOrderLine, PurchaseOrderRow } from '@/lib/db/types';
import { t, tn } from '@/lib/i18n';
import { errorText, validated } from '@/components/common/commandErrors';
import { formatNumber, formatTime } from '../format';
import { useWarehouses, warehouseLabel } from '../useWarehouses';
import { isOpen, StatusTag, totalsOf } from './status';

export function PurchaseOrderDrawer({ poId, onClose }: { poId: number | null; onClose: () => void }) {
  const po = useLiveQuery(async () => (poId === null ? null : ((await getDb().purchaseOrders.get(poId)) ?? null)), [poId]);
  return (
    <Drawer open={poId !== null} onClose={onClose} size={760} title={poId !== null ? t('po_detailTitle', poId) : ''} destroyOnHidden>
      {po && <PurchaseOrderDetail po={po} />}
      {po === null && poId !== null && <Alert type="warning" showIcon title={t('po_notFound', poId)} />}
    </Drawer>
  );
}

type ReceiveValues = { receive: Record<string, number | null | undefined> };

function PurchaseOrderDetail({ po }: { po: PurchaseOrderRow }) {
  const { message } = App.useApp();
  const { byId } = useWarehouses();
  const [form] = Form.useForm<ReceiveValues>();
  const [busy, setBusy] = useState<'receive' | 'cancel' | null>(null);
  const names = useLiveQuery(async () => {
    const rows = await getDb().products.bulkGet(po.lines.map((l) => l.productId));
    return new Map(rows.filter((p) => !!p).map((p) => [p!.id, p!.name]));
  }, [po.id, po.lines.length]);
  const open = isOpen(po.status);
  const totals = totalsOf(po.lines);
  const initial: ReceiveValues = { receive: Object.fromEntries(po.lines.map((l) => [String(l.productId), Math.max(0, l.quantity - l.received)])) };
  // After a receipt the inputs start again from what is still open.
  useEffect(() => form.resetFields(), [po.updatedAt, form]);

  async function receive() {
    const v = await validated(form);
    if (!v) return;
    const lines = po.lines
      .map((l) => ({ productId: l.productId, quantity: Number(v.receive?.[String(l.productId)] ?? 0) }))
      .filter((l) => l.quantity > 0);
    if (!lines.length) {
      message.warning(t('po_nothingToReceive'));
      return;
    }
    setBusy('receive');
    try {
      const next = await call('purchaseOrders.receive', { id: po.id, lines });
      const units = lines.reduce((s, l) => s + l.quantity, 0);
      message.success(tn('po_receivedToast', units, next.id));
    } catch (err) {
      // An over-receipt names the SKU: show it on that line's input.
      const sku = err instanceof CommandError ? (err.details as { sku?: string } | undefined)?.sku : undefined;
      const line = sku ? po.lines.find((l) => l.sku === sku) : undefined;
      if (line) form.setFields([{ name: ['receive', String(line.productId)], errors: [errorText(err)] }]);
      else message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  async function cancel() {
    setBusy('cancel');
    try {
      await call('purchaseOrders.cancel', { id: po.id });
      message.success(t('po_cancelledToast', po.id));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="po-detail">
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'status', label: t('po_status'), children: <StatusTag status={po.status} /> },
          { key: 'warehouse', label: t('po_warehouse'), children: warehouseLabel(byId.get(po.warehouseId), po.warehouseId) },
          { key: 'supplier', label: t('po_supplier'), children: po.supplier ?? '—' },
          { key: 'reference', label: t('po_reference'), children: po.reference ?? '—' },
          { key: 'created', label: t('po_created'), children: formatTime(po.createdAt) },
          { key: 'updated', label: t('po_updated'), children: formatTime(po.updatedAt) },
          { key: 'totals', label: t('po_totals'), span: 2, children: t('po_totalsText', formatNumber(totals.ordered), formatNumber(totals.received), formatNumber(po.status === 'cancelled' ? 0 : totals.open)) },
        ]}
      />
      {po.status === 'cancelled' && <Alert type="info" showIcon title={t('po_cancelledInfo')} />}
      {po.status === 'received' && <Alert type="success" showIcon title={t('po_receivedInfo')} />}
      <Form form={form} initialValues={initial} component={false}>
        <Table<PurchaseOrderLine>
          rowKey="productId"
          size="small"
          pagination={false}
          dataSource={po.lines}
          onRow={(l) => ({ 'data-testid': `po-line-${l.sku}` }) as object}
          columns={[
            { title: t('po_sku'), dataIndex: 'sku', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            { title: t('po_product'), key: 'name', ellipsis: true, render: (_, l) => names?.get(l.productId) ?? '' },
            { title: t('po_ordered'), dataIndex: 'quantity', align: 'right', render: (v: number) => formatNumber(v) },
            { title: t('po_received'), dataIndex: 'received', align: 'right', render: (v: number) => <span data-testid="po-line-received">{formatNumber(v)}</span> },
            { title: t('po_open'), key: 'open', align: 'right', render: (_, l) => <span data-testid="po-line-open">{formatNumber(po.status === 'cancelled' ? 0 : l.quantity - l.received)}</span> },
            ...(open
              ? [{
                  title: t('po_receiveNow'), key: 'receive', width: 150,
                  render: (_: unknown, l: PurchaseOrderLine) => {
                    const left = l.quantity - l.received;
                    return (
                      <Form.Item name={['receive', String(l.productId)]} style={{ margin: 0 }} rules={[{ type: 'number', min: 0, max: left, message: t('po_receiveMax', left) }]}>
                        <InputNumber min={0} max={left} precision={0} disabled={left === 0} style={{ width: 120 }} aria-label={t('po_receiveFor', l.sku)} data-testid={`po-receive-${l.sku}`} />
                      </Form.Item>
                    );
                  },
                }]
              : []),
          ]}
        />
      </Form>
      {open && (
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Popconfirm
            title={t('po_cancelConfirmTitle', po.id)}
            description={<div style={{ maxWidth: 320 }}>{tn('po_cancelConfirmText', totals.open)}</div>}
            okText={t('po_cancelConfirmOk')}
            cancelText={t('po_cancelConfirmKeep')}
            okButtonProps={{ danger: true, 'data-testid': 'po-cancel-confirm' }}
            onConfirm={cancel}
          >
            <Button danger loading={busy === 'cancel'} data-testid="po-cancel">{t('po_cancelOrder')}</Button>
          </Popconfirm>
          <Button type="primary" loading={busy === 'receive'} onClick={receive} data-testid="po-receive-submit">{t('po_receive')}</Button>
        </Space>
      )}
    </Space>
  );
}
