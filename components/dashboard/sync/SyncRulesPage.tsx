// The Sync rules page: the same rules component as the gear drawer.
import { Typography } from 'antd';
import { t } from '@/lib/i18n';
import { ModuleTheme } from '@/components/common/ModuleTheme';
import { SyncRulesPanel } from './SyncRulesPanel';

export function SyncRulesPage() {
  return (
    <ModuleTheme>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('rules_title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('rules_subtitle')}</Typography.Paragraph>
      <SyncRulesPanel />
    </ModuleTheme>
  );
}
