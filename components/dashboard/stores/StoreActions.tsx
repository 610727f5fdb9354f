// A store row's actions: authorize again (when needed), test the connection, download (full or
// only changes), disable / enable, remove (confirmed, saying what is and is not removed).
import { Button, Dropdown, Popconfirm, Space, Tooltip } from 'antd';
import { ApiOutlined, CloudDownloadOutlined, DownOutlined, KeyOutlined } from '@ant-design/icons';
import { t } from '@/lib/i18n';
import { PLATFORM_LABEL } from './platforms';
import type { StoreView } from './view';

export interface StoreActionsProps {
  store: StoreView;
  downloading: boolean;
  busy: (action: 'test' | 'download' | 'enable' | 'remove') => boolean;
  onReauthorize: () => void;
  onTest: () => void;
  onDownload: (mode: 'full' | 'incremental') => void;
  onEnable: (enabled: boolean) => void;
  onRemove: () => void;
}

export function StoreActions({ store: s, downloading, busy, onReauthorize, onTest, onDownload, onEnable, onRemove }: StoreActionsProps) {
  const active = s.status === 'active';
  const disabled = s.status === 'disabled';
  return (
    <Space orientation="vertical" size={4}>
      <Space size={4} wrap>
        {s.status === 'needs_reauthorization' && (
          <Button size="small" type="primary" icon={<KeyOutlined />} onClick={onReauthorize} data-testid={`store-reauthorize-${s.id}`}>
            {t('stores_reauthorize')}
          </Button>
        )}
        <Button size="small" icon={<ApiOutlined />} loading={busy('test')} disabled={disabled} onClick={onTest} data-testid={`store-test-${s.id}`}>
          {t('stores_test')}
        </Button>
        <Tooltip title={active ? undefined : t('stores_downloadNeedsActive')}>
          <Dropdown
            disabled={!active || downloading}
            trigger={['click']}
            menu={{
              items: [
                { key: 'full', label: <span data-testid={`store-download-full-${s.id}`}>{t('stores_downloadFull')}</span> },
                { key: 'incremental', label: <span data-testid={`store-download-incremental-${s.id}`}>{t('stores_downloadIncremental')}</span> },
              ],
              onClick: ({ key }) => onDownload(key as 'full' | 'incremental'),
            }}
          >
            <Button size="small" icon={<CloudDownloadOutlined />} loading={busy('download') || downloading} disabled={!active} data-testid={`store-download-${s.id}`}>
              {t('stores_download')} <DownOutlined />
            </Button>
          </Dropdown>
        </Tooltip>
      </Space>
      <Space size={16}>
        <Button size="small" type="link" style={{ paddingInline: 0 }} loading={busy('enable')} onClick={() => onEnable(disabled)} data-testid={`store-enable-${s.id}`}>
          {t(disabled ? 'stores_enable' : 'stores_disable')}
        </Button>
        <Popconfirm
          title={t('stores_removeTitle', s.name)}
          description={<div style={{ maxWidth: 320 }}>{t('stores_removeWhat', t(PLATFORM_LABEL[s.platform]))}</div>}
          okText={t('stores_remove')}
          cancelText={t('stores_cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={onRemove}
        >
          <Button size="small" type="link" danger style={{ paddingInline: 0 }} loading={busy('remove')} data-testid={`store-remove-${s.id}`}>
            {t('stores_remove')}
          </Button>
        </Popconfirm>
      </Space>
    </Space>
  );
}
