// Settings: the console switches, debug logging, the drift check, and backup (the whole local
// database to a file and back into a fresh profile).
import { App, Button, Card, Input, Space, Switch, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { call, type CommandInput } from '@/lib/commands/client';
import { CONSOLE_FEATURES } from '@/lib/consoles/features';
import { t, tn } from '@/lib/i18n';
import { downloadText } from '@/components/common/download';
import { errorText } from '@/components/common/commandErrors';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { PageHeader } from '../inventory/PageHeader';
import { LanguageCard } from './LanguageCard';

export function SettingsPage() {
  const { message } = App.useApp();
  const settings = useCommandQuery(() => call('settings.get'), []);
  const [saving, setSaving] = useState(false);

  async function update(patch: CommandInput<'settings.update'>) {
    setSaving(true);
    try {
      await call('settings.update', patch);
      settings.reload();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  }

  const s = settings.data;
  return (
    <div data-testid="settings-page">
      <PageHeader title={t('nav_settings')} subtitle={t('settings_subtitle')} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <LanguageCard />
        <Card title={t('settings_consoleTitle')} size="small" loading={!s}>
          <Typography.Paragraph type="secondary">{t('settings_consoleHelp')}</Typography.Paragraph>
          {s && CONSOLE_FEATURES.map(({ id, label }) => (
            <div key={id} style={{ display: 'flex', justifyContent: 'space-between', maxWidth: 520, padding: '4px 0' }}>
              <label htmlFor={`feature-switch-${id}`}>{t(label)}</label>
              <Switch id={`feature-switch-${id}`} size="small" checked={s.consoleFeatures[id]} disabled={saving} data-testid={`feature-${id}`} onChange={(on) => update({ consoleFeatures: { ...s.consoleFeatures, [id]: on } })} />
            </div>
          ))}
        </Card>
        <Card title={t('settings_syncTitle')} size="small">
          <DriftCheck />
        </Card>
        <Card title={t('settings_backupTitle')} size="small">
          <Backup />
        </Card>
        <Card title={t('settings_debugTitle')} size="small" loading={!s}>
          {s && (
            <Space>
              <Switch aria-label={t('settings_debugTitle')} aria-describedby="debug-logging-help" checked={s.debugLogging} disabled={saving} onChange={(on) => update({ debugLogging: on })} data-testid="debug-logging" />
              <Typography.Text type="secondary" id="debug-logging-help">{t('settings_debugHelp')}</Typography.Text>
            </Space>
          )}
        </Card>
      </Space>
    </div>
  );
}

function DriftCheck() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run() {
    setBusy(true);
    try {
      const { jobId } = await call('sync.checkDrift', {});
      for (;;) {
        const job = await call('jobs.get', { id: jobId });
        if (job.status === 'succeeded') {
          const r = job.result as { checked: number; drifted: number };
          message.success(tn('settings_driftDone', r.checked, r.drifted));
          return;
        }
        if (job.status === 'failed') throw new Error(job.error?.message);
        await new Promise((res) => setTimeout(res, 400));
      }
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space orientation="vertical">
      <Typography.Text type="secondary">{t('settings_driftHelp')}</Typography.Text>
      <Button onClick={run} loading={busy} data-testid="drift-check">{t('settings_driftRun')}</Button>
    </Space>
  );
}

function Backup() {
  const { message } = App.useApp();
  const [exportPass, setExportPass] = useState('');
  const [importPass, setImportPass] = useState('');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [result, setResult] = useState<string | null>(null);

  async function doExport() {
    setBusy('export');
    try {
      const out = await call('backup.export', exportPass ? { passphrase: exportPass } : {});
      downloadText(out.filename, out.json, 'application/json');
      message.success(tn('settings_backupExported', out.rows));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  async function doImport(file: File) {
    setBusy('import');
    setResult(null);
    try {
      const json = (await file.text()).replace(/^\ufeff/, '');
      const out = await call('backup.import', importPass ? { json, passphrase: importPass } : { json });
      setResult(tn('settings_backupImported', out.rows, out.stores, out.storesWithCredentials));
    } catch (err) {
      setResult(errorText(err));
    } finally {
      setBusy(null);
    }
    return false;
  }

  return (
    <Space orientation="vertical" style={{ width: '100%', maxWidth: 560 }}>
      <Typography.Text type="secondary">{t('settings_backupHelp')}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input.Password placeholder={t('settings_backupPassphrase')} aria-label={t('settings_backupPassphrase')} value={exportPass} onChange={(e) => setExportPass(e.target.value)} data-testid="backup-export-pass" />
        <Button icon={<DownloadOutlined />} onClick={doExport} loading={busy === 'export'} data-testid="backup-export">{t('settings_backupExport')}</Button>
      </Space.Compact>
      <Space.Compact style={{ width: '100%' }}>
        <Input.Password placeholder={t('settings_backupImportPassphrase')} aria-label={t('settings_backupImportPassphrase')} value={importPass} onChange={(e) => setImportPass(e.target.value)} data-testid="backup-import-pass" />
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => doImport(f)}>
          <Button icon={<UploadOutlined />} loading={busy === 'import'} data-testid="backup-import">{t('settings_backupImport')}</Button>
        </Upload>
      </Space.Compact>
      {result && <Typography.Text data-testid="backup-result">{result}</Typography.Text>}
    </Space>
  );
}
