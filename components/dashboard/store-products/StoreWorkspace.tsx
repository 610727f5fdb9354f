// Inside a store: the header (platform fixed, a switcher among that platform's stores, the way
// back out, the gear for sync rules) and the three views as tabs.
import { Alert, Badge, Button, Select, Space, Tabs, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { ArrowLeftOutlined, SettingOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { getDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { storeLabel } from '@/lib/stores/label';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { SyncRulesDrawer } from '../sync/SyncRulesDrawer';
import { DraftsView } from '../drafts/DraftsView';
import { useDraftCount } from '../drafts/useDraftCount';
import { goTo, type ModuleView } from './location';
import { PLATFORM_NAME } from '@/components/common/platforms';
import { PlatformMark } from '@/components/common/PlatformMark';
import { ProductsView } from './ProductsView';
import { StoreStatusTag } from './StoreStatusTag';
import { UnconnectedView } from './UnconnectedView';
import { useLiveSignal } from '@/components/common/useLiveSignal';
import type { StoreView } from '@/components/common/useStores';

interface Props {
  store: StoreView;
  /** The stores of the same platform: the only ones the switcher offers. */
  stores: StoreView[];
  view: ModuleView;
  item?: number;
  /** The draft whose edit page is open (To be published). */
  draft?: number;
}

function useUnconnectedCount(storeId: number): number | undefined {
  const changed = useLiveSignal(() => getDb().storeVariants.where('[storeId+connected]').equals([storeId, 0]).count(), [storeId]);
  return useCommandQuery(() => call('storeVariants.list', { storeId, connected: false, pageSize: 1 }), [storeId], changed).data?.total;
}

export function StoreWorkspace({ store, stores, view, item, draft }: Props) {
  const [rulesOpen, setRulesOpen] = useState(false);
  const unconnected = useUnconnectedCount(store.id);
  const drafts = useDraftCount(store.id);
  // Without a rule the store has no numbers at all: said on the list, not only in the gear drawer.
  const hasRule = useLiveQuery(async () => !!(await getDb().ruleStores.get(store.id)), [store.id]);
  const go = (next: { view?: ModuleView; storeId?: number; item?: number; draft?: number }) =>
    goTo({ platform: store.platform, storeId: next.storeId ?? store.id, view: next.view ?? view, item: next.item, draft: next.draft });

  return (
    <div data-testid="sp-workspace">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 4 }} wrap align="center">
        <Space size="middle" wrap align="center">
          <Space size={8} data-testid="sp-platform">
            <PlatformMark platform={store.platform} size={32} />
            <Typography.Title level={3} style={{ margin: 0 }}>{t(PLATFORM_NAME[store.platform])}</Typography.Title>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 18 }}>/</Typography.Text>
          <Select<number>
            value={store.id}
            onChange={(id) => go({ storeId: id, item: undefined })}
            options={stores.map((s) => ({ value: s.id, label: storeLabel(s) }))}
            style={{ minWidth: 240, maxWidth: 420 }}
            size="large"
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('sp_switchStore')}
            data-testid="sp-store-switch"
          />
          <StoreStatusTag store={store} />
        </Space>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => goTo({})} data-testid="sp-change-platform">{t('sp_changePlatform')}</Button>
          <Tooltip title={t('sp_rulesTooltip')}>
            <Button icon={<SettingOutlined />} onClick={() => setRulesOpen(true)} aria-label={t('sp_rulesTooltip')} data-testid="sp-rules-gear" />
          </Tooltip>
        </Space>
      </Space>
      {hasRule === false && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          data-testid="sp-no-rule"
          title={t('sp_noRuleBanner', store.name)}
          action={<Button size="small" type="primary" onClick={() => setRulesOpen(true)} data-testid="sp-no-rule-setup">{t('sp_noRuleSetUp')}</Button>}
        />
      )}
      <Tabs
        activeKey={view}
        onChange={(key) => go({ view: key as ModuleView, item: undefined })}
        destroyOnHidden
        items={[
          { key: 'products', label: <span data-testid="sp-tab-products">{t('sp_tabProducts')}</span>, children: <ProductsView store={store} openItem={item} onOpenItem={(id) => go({ item: id })} onOpenRules={() => setRulesOpen(true)} /> },
          {
            key: 'drafts',
            label: (
              <span data-testid="sp-tab-drafts">
                {t('sp_tabDrafts')} {!!drafts && <Badge count={drafts} overflowCount={99999} color="#138078" style={{ marginLeft: 4 }} />}
              </span>
            ),
            children: <DraftsView store={store} openDraft={draft} onOpenDraft={(id) => go({ view: 'drafts', draft: id })} />,
          },
          {
            key: 'unconnected',
            label: (
              <span data-testid="sp-tab-unconnected">
                {t('sp_tabUnconnected')} {!!unconnected && <Badge count={unconnected} overflowCount={99999} style={{ marginLeft: 4 }} />}
              </span>
            ),
            children: <UnconnectedView store={store} />,
          },
        ]}
      />
      <SyncRulesDrawer open={rulesOpen} onClose={() => setRulesOpen(false)} storeId={store.id} />
    </div>
  );
}
