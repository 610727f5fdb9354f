// What a source test found: how many rows, and the first ones as the mapping reads them.
import { Alert, Space, Table } from 'antd';
import type { CommandOutput } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';

export type TestAnswer = CommandOutput<'inventory.sources.test'>;
type Sample = TestAnswer['sample'][number];

export type TestState = { ok: true; answer: TestAnswer } | { ok: false; message: string };

export function TestResult({ state }: { state: TestState }) {
  if (!state.ok) return <Alert type="error" showIcon title={t('sources_testFailed')} description={state.message} data-testid="source-test-result" />;
  const { answer } = state;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="source-test-result">
      <Alert
        type={answer.rows ? 'success' : 'warning'}
        showIcon
        title={answer.rows ? tn('sources_testRows', answer.rows) : t('sources_testNoRows')}
        description={answer.rows ? tn('sources_testSample', answer.sample.length) : undefined}
      />
      {answer.sample.length > 0 && (
        <Table<Sample>
          size="small"
          rowKey="line"
          pagination={false}
          dataSource={answer.sample}
          columns={[
            { title: t('sources_line'), dataIndex: 'line', width: 70 },
            { title: t('sources_sku'), dataIndex: 'sku' },
            { title: t('sources_warehouse'), dataIndex: 'warehouse', render: (v: string | undefined) => v ?? t('sources_defaultWarehouseShort') },
            { title: t('sources_quantity'), dataIndex: 'quantity', align: 'right', render: (v: unknown) => (v === undefined ? '' : String(v)) },
          ]}
        />
      )}
    </Space>
  );
}
