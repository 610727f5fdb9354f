// A searchable choice of stores, grouped by platform, each named with its shop and region (search
// matches those and the platform's name).
import { Select, Space, Typography } from 'antd';
import { t } from '@/lib/i18n';
import { storeLabel } from '@/lib/stores/label';
import { PLATFORMS, PLATFORM_NAME } from '@/components/common/platforms';
import { PlatformMark } from '@/components/common/PlatformMark';
import type { StoreView } from '@/components/common/useStores';

interface Option { value: number; label: string; search: string }

function groups(stores: StoreView[], currentId?: number) {
  return PLATFORMS.filter((p) => stores.some((s) => s.platform === p)).map((p) => ({
    label: (
      <Space size={6}>
        <PlatformMark platform={p} size={16} />
        {t(PLATFORM_NAME[p])}
      </Space>
    ),
    title: t(PLATFORM_NAME[p]),
    options: stores
      .filter((s) => s.platform === p)
      .map((s): Option => {
        const notes = [s.id === currentId ? t('clone_thisStore') : '', s.status !== 'active' ? t('clone_storeNotActive', s.status.replace(/_/g, ' ')) : ''].filter(Boolean);
        const label = notes.length ? `${storeLabel(s)} (${notes.join(', ')})` : storeLabel(s);
        return { value: s.id, label, search: `${label} ${t(PLATFORM_NAME[p])}`.toLowerCase() };
      }),
  }));
}

type Props = { stores: StoreView[]; currentId?: number; testId: string; placeholder: string } & (
  | { multiple: true; value: number[]; onChange: (ids: number[]) => void }
  | { multiple?: false; value: number | undefined; onChange: (id: number) => void }
);

export function StoreChooser(props: Props) {
  const common = {
    options: groups(props.stores, props.currentId),
    showSearch: { optionFilterProp: 'search' },
    style: { width: '100%' },
    placeholder: props.placeholder,
    'data-testid': props.testId,
    notFoundContent: <Typography.Text type="secondary">{t('clone_noStoreMatch')}</Typography.Text>,
  };
  return props.multiple ? (
    <Select<number[]> mode="multiple" {...common} value={props.value} onChange={props.onChange} allowClear />
  ) : (
    <Select<number> {...common} value={props.value} onChange={props.onChange} />
  );
}
