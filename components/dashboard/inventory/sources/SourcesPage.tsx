// Inventory sources: the seller's own stock feeds (a published sheet, an ERP export) pulled on a
// schedule into Shelfsync's stock as counts. Read live from IndexedDB, so a scheduled pull's
// result shows up as it lands; every change goes through `inventory.sources.*`.
import { App, Button, Empty, Modal, Popconfirm, Popover, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type HTMLAttributes } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import type { InventoryPullResult, InventorySourceRow } from '@/lib/db/types';
import { t } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { hrefOf } from '../../routes';
import { formatNumber, formatTime } from '../format';
import { useWarehouses, warehouseLabel } from '../useWarehouses';
import { hostOf, requestHostAccess } from './hostAccess';
import { PageHeader } from '../PageHeader';
import { SourceDrawer } from './SourceDrawer';
import { TestResult, type TestState } from './TestResult';

function LastRun({ run }: { run: InventoryPullResult | null }) {
  if (!run) return <Typography.Text type="secondary">{t('sources_neverRun')}</Typography.Text>;
  return (
    <div data-testid="source-last-run">
      <Space size={4} wrap>
        <Tag color={run.ok ? 'green' : 'red'}>{run.ok ? t('sources_runOk') : t('sources_runFailed')}</Tag>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{formatTime(run.at)}</Typography.Text>
      </Space>
      <div>
        {run.ok ? (
          <Typography.Text>
            {t('sources_runCounts', formatNumber(run.rows), formatNumber(run.changed), formatNumber(run.unchanged))}
            {run.errors.length > 0 && (
              <>
                {' · '}
                <Popover
                  title={t('sources_runErrorsTitle')}
                  content={
                    <Table size="small" rowKey={(e) => `${e.line}-${e.reason}`} pagination={run.errors.length > 10 ? { pageSize: 10 } : false} dataSource={run.errors} style={{ width: 440 }}
                      columns={[{ title: t('csv_line'), dataIndex: 'line', width: 60 }, { title: t('csv_reason'), dataIndex: 'reason' }]} />
                  }
                >
                  <Button color="danger" variant="link" size="small" style={{ padding: 0, height: 'auto' }}>{t('sources_runErrors', run.errors.length)}</Button>
                </Popover>
              </>
            )}
          </Typography.Text>
        ) : (
          <Typography.Text type="danger">{run.message}</Typography.Text>
        )}
      </div>
    </div>
  );
}

export function SourcesPage() {
  const { message } = App.useApp();
  const { byId, warehouses } = useWarehouses();
  const sources = useLiveQuery(() => getDb().inventorySources.toArray(), []);
  const [editing, setEditing] = useState<InventorySourceRow | null | undefined>(undefined);
  const [running, setRunning] = useState<number | null>(null);
  const [testing, setTesting] = useState<number | null>(null);
  const [tested, setTested] = useState<{ name: string; state: TestState } | null>(null);

  async function runNow(s: InventorySourceRow) {
    const asked = requestHostAccess(s.url);
    setRunning(s.id);
    try {
      if (!(await asked)) {
        message.error(t('sources_permissionRefused', hostOf(s.url)));
        return;
      }
      const result = await call('inventory.sources.run', { id: s.id });
      if (result.ok) message.success(t('sources_ranToast', s.name, result.message));
      else message.error(t('sources_runFailedToast', s.name, result.message));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setRunning(null);
    }
  }

  async function testSaved(s: InventorySourceRow) {
    const asked = requestHostAccess(s.url);
    setTesting(s.id);
    try {
      if (!(await asked)) {
        setTested({ name: s.name, state: { ok: false, message: t('sources_permissionRefused', hostOf(s.url)) } });
        return;
      }
      const answer = await call('inventory.sources.test', { url: s.url, format: s.format, mapping: s.mapping });
      setTested({ name: s.name, state: { ok: true, answer } });
    } catch (err) {
      setTested({ name: s.name, state: { ok: false, message: errorText(err) } });
    } finally {
      setTesting(null);
    }
  }

  async function setEnabled(s: InventorySourceRow, enabled: boolean) {
    try {
      await call('inventory.sources.update', { id: s.id, enabled });
      message.success(enabled ? t('sources_enabledToast', s.name) : t('sources_disabledToast', s.name));
    } catch (err) {
      message.error(errorText(err));
    }
  }

  async function remove(s: InventorySourceRow) {
    try {
      await call('inventory.sources.remove', { id: s.id });
      message.success(t('sources_removedToast', s.name));
    } catch (err) {
      message.error(errorText(err));
    }
  }

  const noWarehouse = warehouses !== undefined && warehouses.length === 0;
  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} disabled={noWarehouse} data-testid="source-add">
      {t('sources_add')}
    </Button>
  );

  return (
    <div>
      <PageHeader title={t('sources_title')} subtitle={t('sources_subtitle')} actions={sources?.length ? addButton : null} />
      {sources !== undefined && sources.length === 0 ? (
        <Empty
          style={{ padding: '48px 0' }}
          data-testid="sources-empty"
          description={<Space orientation="vertical"><Typography.Text strong>{t('sources_emptyTitle')}</Typography.Text><Typography.Text type="secondary">{noWarehouse ? t('sources_needsWarehouse') : t('sources_emptyHelp')}</Typography.Text></Space>}
        >
          {noWarehouse ? <Button type="primary" href={hrefOf('inventory/warehouses')}>{t('stock_goWarehouses')}</Button> : addButton}
        </Empty>
      ) : (
        <Table<InventorySourceRow>
          rowKey="id"
          size="middle"
          loading={sources === undefined}
          dataSource={sources ?? []}
          pagination={false}
          onRow={(s) => ({ 'data-testid': `source-row-${s.id}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('sources_name'), dataIndex: 'name', width: 240,
              render: (name: string, s) => (
                <div style={{ maxWidth: 230 }}>
                  <Typography.Text strong>{name}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" ellipsis={{ tooltip: s.url }} style={{ maxWidth: 230 }}>{s.url}</Typography.Text>
                </div>
              ),
            },
            { title: t('sources_format'), dataIndex: 'format', width: 80, render: (f: string) => <Tag>{f === 'json' ? t('sources_formatJson') : t('sources_formatCsv')}</Tag> },
            {
              title: t('sources_mapping'), key: 'mapping', width: 190,
              render: (_, s) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sources_mappingText', s.mapping.sku, s.mapping.quantity)}
                  {s.mapping.warehouse ? <><br />{t('sources_mappingWarehouse', s.mapping.warehouse)}</> : null}
                  <br />
                  {t('sources_mappingDefault', warehouseLabel(byId.get(s.warehouseId), s.warehouseId))}
                </Typography.Text>
              ),
            },
            { title: t('sources_interval'), dataIndex: 'intervalMinutes', width: 110, render: (m: number) => t('sources_every', m) },
            { title: t('sources_enabled'), dataIndex: 'enabled', width: 90, render: (on: boolean, s) => <Switch checked={on} onChange={(v) => void setEnabled(s, v)} aria-label={t('sources_enabledFor', s.name)} data-testid={`source-enabled-${s.id}`} /> },
            { title: t('sources_lastRun'), dataIndex: 'lastRun', width: 280, render: (run: InventoryPullResult | null) => <LastRun run={run} /> },
            {
              title: '', key: 'actions', width: 200,
              render: (_, s) => (
                <Space size={0} wrap>
                  <Button color="primary" variant="link" size="small" icon={<PlayCircleOutlined />} loading={running === s.id} onClick={() => void runNow(s)} data-testid={`source-run-${s.id}`}>{t('sources_runNow')}</Button>
                  <Button color="primary" variant="link" size="small" loading={testing === s.id} onClick={() => void testSaved(s)} data-testid={`source-test-${s.id}`}>{t('sources_test')}</Button>
                  <Button color="primary" variant="link" size="small" onClick={() => setEditing(s)} data-testid={`source-edit-${s.id}`}>{t('sources_edit')}</Button>
                  <Popconfirm
                    title={t('sources_removeTitle', s.name)}
                    description={<div style={{ maxWidth: 300 }}>{t('sources_removeText')}</div>}
                    okText={t('sources_remove')}
                    okButtonProps={{ danger: true, 'data-testid': 'source-remove-confirm' }}
                    cancelText={t('sources_cancel')}
                    onConfirm={() => remove(s)}
                  >
                    <Button color="danger" variant="link" size="small" data-testid={`source-remove-${s.id}`}>{t('sources_remove')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <SourceDrawer
        open={editing !== undefined}
        source={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => setEditing(undefined)}
      />
      <Modal open={tested !== null} title={tested ? t('sources_testTitle', tested.name) : ''} onCancel={() => setTested(null)} footer={<Button onClick={() => setTested(null)}>{t('csv_close')}</Button>} width={640} destroyOnHidden>
        {tested && <TestResult state={tested.state} />}
      </Modal>
    </div>
  );
}
