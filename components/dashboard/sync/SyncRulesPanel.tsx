// The sync rules (PRODUCT.md flow 4): which warehouses and which inventory type feed which stores,
// at what ratio. One component for the gear drawer inside the store product module and for the
// Sync rules page. Seen from a store, it says which rule governs it (or that none does).
import { Alert, App, Button, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useState, type HTMLAttributes } from 'react';
import { call } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { storeLabel } from '@/lib/stores/label';
import { errorText } from '@/components/common/commandErrors';
import { formatNumber } from '../inventory/format';
import { useWarehouses, warehouseLabel } from '../inventory/useWarehouses';
import { PLATFORM_TINT } from '@/components/common/platforms';
import { useStores } from '@/components/common/useStores';
import { RuleModal } from './RuleModal';
import { useRules, type Rule } from './useRules';

export function SyncRulesPanel({ storeId }: { storeId?: number }) {
  const { message } = App.useApp();
  const rules = useRules();
  const { stores, byId } = useStores();
  const { byId: warehouses } = useWarehouses();
  const [editing, setEditing] = useState<Rule | null | undefined>(undefined);
  const items = rules.data?.items ?? [];
  const governing = storeId !== undefined ? items.find((r) => r.storeIds.includes(storeId)) : undefined;
  const store = storeId !== undefined ? byId.get(storeId) : undefined;

  // What deleting does, asked when the confirmation opens: nothing is pushed, and the listings on
  // auto sync in its stores stop following stock.
  const [deleteEffect, setDeleteEffect] = useState<{ removed: number; autoSyncListings: number; storesWithoutRule: number[] } | null>(null);
  async function loadDeleteEffect(id: number) {
    setDeleteEffect(null);
    try {
      setDeleteEffect(await call('syncRules.remove', { id, dryRun: true }));
    } catch {
      // The general sentence stays; deleting still answers for itself.
    }
  }

  async function remove(rule: Rule) {
    try {
      await call('syncRules.remove', { id: rule.id });
      message.success(t('rules_deletedToast', rule.name));
      rules.reload();
    } catch (err) {
      message.error(errorText(err));
    }
  }

  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="rules-add">
      {t('rules_add')}
    </Button>
  );

  return (
    <div data-testid="rules">
      {store && rules.data && (
        governing ? (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('rules_storeGoverned', store.name, governing.name)} data-testid="rules-store-status" />
        ) : (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('rules_storeNotGoverned', store.name)} data-testid="rules-store-status" />
        )
      )}
      {rules.error && <Alert type="error" showIcon title={rules.error} style={{ marginBottom: 16 }} />}
      {rules.data && items.length === 0 ? (
        <Empty
          style={{ padding: '32px 0' }}
          data-testid="rules-empty"
          description={
            <Space orientation="vertical">
              <Typography.Text strong>{t('rules_emptyTitle')}</Typography.Text>
              <Typography.Text type="secondary">{t('rules_emptyHelp')}</Typography.Text>
            </Space>
          }
        >
          {addButton}
        </Empty>
      ) : (
        <>
          <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('rules_formula')}</Typography.Text>
            {addButton}
          </Space>
          <Table<Rule>
            rowKey="id"
            size="middle"
            loading={rules.loading && !rules.data}
            dataSource={items}
            pagination={false}
            onRow={(r) => ({ 'data-testid': `rule-row-${r.name}`, style: r.id === governing?.id ? { background: '#f0faf9' } : undefined }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('rules_name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
              { title: t('rules_type'), dataIndex: 'inventoryType', width: 170, render: (v: Rule['inventoryType']) => t(v === 'sellable' ? 'rules_typeSellable' : 'rules_typeSellableInTransit') },
              { title: t('rules_ratio'), dataIndex: 'ratioPercent', width: 80, align: 'right', render: (v: number) => `${formatNumber(v)} %` },
              {
                title: t('rules_warehouses'), key: 'w',
                render: (_, r) => <Space size={[4, 4]} wrap>{r.warehouseIds.map((id) => <Tag key={id}>{warehouseLabel(warehouses.get(id), id)}</Tag>)}</Space>,
              },
              {
                title: t('rules_stores'), key: 's',
                render: (_, r) => (
                  <Space size={[4, 4]} wrap>
                    {r.storeIds.map((id) => {
                      const s = byId.get(id);
                      return (
                        <Tag key={id} color={s ? PLATFORM_TINT[s.platform] : undefined} variant={id === storeId ? 'solid' : 'outlined'}>
                          {s ? storeLabel(s) : `#${id}`}
                        </Tag>
                      );
                    })}
                  </Space>
                ),
              },
              {
                title: '', key: 'actions', width: 110, align: 'right',
                render: (_, r) => (
                  <Space size={0}>
                    <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t('rules_edit')} data-testid={`rule-edit-${r.name}`} />
                    <Popconfirm
                      title={t('rules_deleteConfirm', r.name)}
                      onOpenChange={(open) => open && void loadDeleteEffect(r.id)}
                      description={
                        <div style={{ maxWidth: 320 }} data-testid={`rule-delete-effect-${r.name}`}>
                          {deleteEffect?.removed === r.id
                            ? tn('rules_deleteEffect', deleteEffect.autoSyncListings, tn('rules_deleteStores', deleteEffect.storesWithoutRule.length))
                            : t('rules_deleteHelp')}
                        </div>
                      }
                      okText={t('rules_delete')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common_cancel')}
                      onConfirm={() => remove(r)}
                    >
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('rules_delete')} data-testid={`rule-delete-${r.name}`} />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
      <RuleModal
        open={editing !== undefined}
        rule={editing ?? null}
        initialStoreIds={storeId !== undefined && !governing ? [storeId] : undefined}
        stores={stores ?? []}
        rules={items}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          rules.reload();
        }}
      />
    </div>
  );
}
