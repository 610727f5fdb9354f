// Warehouses: the places that hold stock. Reads live from IndexedDB; writes through commands.
import { Button, Form, Input, Modal, Table, Typography, App } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { CommandError } from '@/lib/commands/errors';
import { getDb } from '@/lib/db/database';
import type { WarehouseRow } from '@/lib/db/types';
import { t, uiLocale } from '@/lib/i18n';
import { hrefOf } from '../routes';
import { PageHeader } from '../inventory/PageHeader';

export function WarehousesPage() {
  const warehouses = useLiveQuery(() => getDb().warehouses.orderBy('name').toArray(), []);
  // How many SKUs each warehouse holds a stock row for (an index count per warehouse, cheap).
  const skuCounts = useLiveQuery(async () => {
    const db = getDb();
    const list = await db.warehouses.toArray();
    const counts = await Promise.all(list.map((w) => db.stockLevels.where('warehouseId').equals(w.id).count()));
    return new Map(list.map((w, i) => [w.id, counts[i]!]));
  }, []);
  const [open, setOpen] = useState(false);
  return (
    <div>
      <PageHeader
        title={t('warehouses_title')}
        subtitle={t('warehouses_subtitle')}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="warehouse-add">
            {t('warehouses_add')}
          </Button>
        }
      />
      <Table<WarehouseRow>
        rowKey="id"
        loading={warehouses === undefined}
        dataSource={warehouses ?? []}
        pagination={false}
        locale={{ emptyText: t('warehouses_empty') }}
        columns={[
          { title: t('warehouses_name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: t('warehouses_code'), dataIndex: 'code', width: 200 },
          { title: t('warehouses_skus'), key: 'skus', align: 'right', width: 140, render: (_, w) => skuCounts?.get(w.id) ?? '' },
          { title: t('warehouses_created'), dataIndex: 'createdAt', width: 200, render: (v: number) => new Date(v).toLocaleString(uiLocale()) },
          {
            title: '', key: 'actions', width: 140,
            render: (_, w) => (
              <Button color="primary" variant="link" size="small" href={hrefOf('inventory/stock', { warehouse: String(w.id) })} data-testid={`warehouse-stock-${w.code}`}>
                {t('warehouses_viewStock')}
              </Button>
            ),
          },
        ]}
      />
      <CreateWarehouseModal open={open} onClose={() => setOpen(false)} />
    </div>
  );
}

function CreateWarehouseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ name: string; code?: string }>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  async function submit() {
    const values = await form.validateFields();
    setBusy(true);
    try {
      const created = await call('warehouses.create', { name: values.name, code: values.code || undefined });
      message.success(t('warehouses_createdToast', created.name));
      form.resetFields();
      onClose();
    } catch (err) {
      // The background's sentence is shown on the field it names, or as a toast.
      if (err instanceof CommandError && err.code === 'code_taken') form.setFields([{ name: 'code', errors: [err.message] }]);
      else message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={t('warehouses_add')}
      open={open}
      onOk={submit}
      okText={t('common_create')}
      cancelText={t('common_cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label={t('warehouses_name')} rules={[{ required: true, whitespace: true, message: t('common_required') }]}>
          <Input maxLength={100} autoFocus data-testid="warehouse-name" />
        </Form.Item>
        <Form.Item name="code" label={t('warehouses_code')} extra={t('warehouses_codeHelp')}>
          <Input maxLength={40} data-testid="warehouse-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
