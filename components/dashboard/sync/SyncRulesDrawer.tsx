// The gear icon of the store product module opens the sync rules in a drawer.
import { Drawer } from 'antd';
import { t } from '@/lib/i18n';
import { SyncRulesPanel } from './SyncRulesPanel';

export function SyncRulesDrawer({ open, onClose, storeId }: { open: boolean; onClose: () => void; storeId?: number }) {
  return (
    <Drawer open={open} onClose={onClose} title={t('rules_title')} size={960} destroyOnHidden data-testid="rules-drawer">
      <SyncRulesPanel storeId={storeId} />
    </Drawer>
  );
}
