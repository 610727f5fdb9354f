// The edit page's saved state, where a save button would be: "Saving…", "Saved · 14:02:11",
// or "Not saved: <reason>" (the copy on this computer keeps the change until it can be saved).
import { Space, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CloudOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { t, uiLocale } from '@/lib/i18n';
import type { SaveState } from './useDraftAutosave';

function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
}

export function SaveIndicator({ state }: { state: SaveState }) {
  switch (state.kind) {
    case 'saving':
      return (
        <Typography.Text type="secondary" data-testid="draft-save-state" data-state="saving">
          <Space size={6}><LoadingOutlined />{t('draft_saving')}</Space>
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success" data-testid="draft-save-state" data-state="saved">
          <Space size={6}><CheckCircleOutlined />{t('draft_savedAt', clock(state.at))}</Space>
        </Typography.Text>
      );
    case 'failed':
      return (
        <Tooltip title={`${state.message} ${t('draft_notSavedHelp')}`}>
          <Typography.Text type="danger" data-testid="draft-save-state" data-state="failed" style={{ maxWidth: 420 }} ellipsis={{ tooltip: false }}>
            <Space size={6}><ExclamationCircleOutlined />{t('draft_notSaved', state.message)}</Space>
          </Typography.Text>
        </Tooltip>
      );
    default:
      return (
        <Typography.Text type="secondary" data-testid="draft-save-state" data-state="idle">
          <Space size={6}><CloudOutlined />{t('draft_autosaveOn')}</Space>
        </Typography.Text>
      );
  }
}
