// A draft's state: Draft, Publishing (spinning while the release runs), Failed (the platform's
// reason on hover).
import { Tag, Tooltip } from 'antd';
import { CloseCircleOutlined, EditOutlined, SyncOutlined } from '@ant-design/icons';
import { t } from '@/lib/i18n';
import type { DraftView } from './types';

export function DraftStatusTag({ draft }: { draft: Pick<DraftView, 'status' | 'failure'> }) {
  if (draft.status === 'publishing') {
    return <Tag icon={<SyncOutlined spin />} color="processing" data-testid="draft-status-publishing">{t('draft_status_publishing')}</Tag>;
  }
  if (draft.status === 'failed') {
    return (
      <Tooltip title={draft.failure?.message}>
        <Tag icon={<CloseCircleOutlined />} color="error" data-testid="draft-status-failed">{t('draft_status_failed')}</Tag>
      </Tooltip>
    );
  }
  return <Tag icon={<EditOutlined />} data-testid="draft-status-draft">{t('draft_status_draft')}</Tag>;
}
