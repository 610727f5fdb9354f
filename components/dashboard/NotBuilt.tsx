// The honest empty state of a module that is not built yet: what will be here, no fake data.
import { Empty, Typography } from 'antd';
import { t, type MessageKey } from '@/lib/i18n';

export function NotBuilt({ title, what }: { title: MessageKey; what: MessageKey }) {
  return (
    <div data-testid="not-built">
      <Typography.Title level={3}>{t(title)}</Typography.Title>
      <Empty description={<><Typography.Text strong>{t('notBuilt_title')}</Typography.Text><br />{t(what)}</>} />
    </div>
  );
}
