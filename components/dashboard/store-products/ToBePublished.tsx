// To be published: drafts come in a later version. An honest empty state, no fake data.
import { Empty, Typography } from 'antd';
import { t } from '@/lib/i18n';

export function ToBePublished() {
  return (
    <Empty
      style={{ padding: '48px 0' }}
      data-testid="sp-drafts-empty"
      description={
        <Typography.Text type="secondary" style={{ maxWidth: 520, display: 'inline-block' }}>
          {t('sp_draftsEmpty')}
        </Typography.Text>
      }
    />
  );
}
