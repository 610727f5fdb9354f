// The shell of a store's settings drawer (orders, Shopify): title, Cancel and Save in the footer.
import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { t } from '@/lib/i18n';

export function SettingsDrawer({ open, title, busy, onClose, onSave, testId, children }: { open: boolean; title: string; busy: boolean; onClose: () => void; onSave: () => void; testId: string; children: ReactNode }) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={480}
      title={title}
      destroyOnHidden
      data-testid={testId}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common_cancel')}</Button>
          <Button type="primary" loading={busy} onClick={onSave} data-testid={`${testId}-save`}>{t('stores_orderSettingsSave')}</Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
