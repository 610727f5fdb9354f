// CSV import, the same way everywhere: say first what happens to good and bad rows and which
// columns are read, then pick a file, follow the background job with a progress bar, and end
// with a report: the counts, and every skipped row with its line number and reason.
import { Alert, App, Button, Modal, Progress, Space, Statistic, Table, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { t, tn, uiLocale } from '@/lib/i18n';
import { errorText } from './commandErrors';
import { isFinished, useJob } from './useJob';

export interface CsvColumn {
  name: string;
  note: string;
}

export interface CsvStat {
  key: string;
  label: string;
  value: number;
}

interface BadRow {
  line: number;
  reason: string;
}

export interface CsvImportProps {
  /** Prefix of the data-testid attributes (`${testId}-file`, `${testId}-report`, …). */
  testId: string;
  title: string;
  policy: ReactNode;
  columns: CsvColumn[];
  start: (csv: string) => Promise<{ jobId: number }>;
  /** The counts of the finished job's result. */
  stats: (result: unknown) => CsvStat[];
  onFinished?: () => void;
  onClose: () => void;
}

/** The button that opens an import (the page renders the modal once, wherever the button is). */
export function CsvImportButton({ testId, label, onClick }: { testId: string; label: string; onClick: () => void }) {
  return (
    <Button icon={<UploadOutlined />} onClick={onClick} data-testid={`${testId}-button`}>
      {label}
    </Button>
  );
}

export function CsvImportModal({ testId, title, policy, columns, start, stats, onFinished, onClose }: CsvImportProps) {
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [fileName, setFileName] = useState('');
  const [starting, setStarting] = useState(false);
  const { job, pollError } = useJob(jobId);
  const finished = isFinished(job);
  const finishedId = finished ? job?.id : undefined;
  useEffect(() => {
    // The page re-reads its list once the import has written its rows.
    if (finishedId !== undefined) onFinished?.();
  }, [finishedId]);

  async function pick(files: FileList | null) {
    const file = files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    setStarting(true);
    try {
      const csv = await file.text();
      const { jobId: started } = await start(csv);
      setFileName(file.name);
      setJobId(started);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setStarting(false);
    }
  }

  const running = jobId !== null && !finished && !pollError;
  const footer = running
    ? null
    : [
        jobId !== null && (
          <Button key="again" onClick={() => setJobId(null)} data-testid={`${testId}-again`}>
            {t('csv_importAnother')}
          </Button>
        ),
        <Button key="close" type={jobId === null ? 'default' : 'primary'} onClick={onClose}>
          {t('csv_close')}
        </Button>,
      ];

  return (
    <Modal open title={title} onCancel={running ? undefined : onClose} closable={!running} footer={footer} width={640} destroyOnHidden>
      <input ref={input} type="file" accept=".csv,text/csv" hidden onChange={(e) => void pick(e.target.files)} data-testid={`${testId}-file`} />
      {jobId === null && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={policy} />
          <div>
            <Typography.Text strong>{t('csv_columns')}</Typography.Text>
            <Table<CsvColumn>
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={columns}
              columns={[
                { title: t('csv_column'), dataIndex: 'name', width: 160, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
                { title: t('csv_columnNote'), dataIndex: 'note' },
              ]}
            />
            <Typography.Text type="secondary">{t('csv_headerHelp')}</Typography.Text>
          </div>
          <Button type="primary" icon={<UploadOutlined />} loading={starting} onClick={() => input.current?.click()} data-testid={`${testId}-choose`}>
            {t('csv_chooseFile')}
          </Button>
        </Space>
      )}
      {jobId !== null && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={`${testId}-report`}>
          <Typography.Text type="secondary">{fileName}</Typography.Text>
          {pollError && <Alert type="error" showIcon title={pollError} />}
          {!finished && !pollError && (
            <>
              <Progress percent={job && job.progress.total ? Math.floor((job.progress.done / job.progress.total) * 100) : 0} status="active" />
              <Typography.Text>{job && job.progress.total ? tn('csv_progress', job.progress.total, job.progress.done.toLocaleString(uiLocale())) : t('csv_reading')}</Typography.Text>
            </>
          )}
          {job?.status === 'failed' && <Alert type="error" showIcon title={t('csv_failed')} description={job.error?.message} data-testid={`${testId}-failed`} />}
          {job?.status === 'succeeded' && <ImportReport testId={testId} result={job.result} stats={stats(job.result)} />}
        </Space>
      )}
    </Modal>
  );
}

function ImportReport({ testId, result, stats }: { testId: string; result: unknown; stats: CsvStat[] }) {
  const errors = ((result as { errors?: BadRow[] } | undefined)?.errors ?? []) as BadRow[];
  const rows = (result as { rows?: number } | undefined)?.rows ?? 0;
  return (
    <>
      <Progress percent={100} status={errors.length ? 'normal' : 'success'} />
      <Space size="large" wrap>
        <Statistic title={t('csv_rowsRead')} value={rows} />
        {stats.map((s) => (
          <Statistic key={s.key} title={s.label} value={s.value} data-testid={`${testId}-stat-${s.key}`} />
        ))}
        <Statistic title={t('csv_skipped')} value={errors.length} data-testid={`${testId}-stat-skipped`} />
      </Space>
      {errors.length === 0 ? (
        <Alert type="success" showIcon title={t('csv_allGood')} />
      ) : (
        <>
          <Alert type="warning" showIcon title={tn('csv_someSkipped', errors.length)} />
          <Table<BadRow>
            size="small"
            rowKey="line"
            dataSource={errors}
            pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: t('csv_line'), dataIndex: 'line', width: 80 },
              { title: t('csv_reason'), dataIndex: 'reason' },
            ]}
            data-testid={`${testId}-errors`}
          />
        </>
      )}
    </>
  );
}
