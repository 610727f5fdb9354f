// The edit page of a draft: a wide drawer inside the module with every field, autosaved (no save
// button; the saved state where one would be), checked against the destination platform as the
// seller types, and Release once nothing is left to fix. The last release's refusal shows as a
// sentence on the field it concerns, the platform's own text under Details.
import { Alert, App, Button, Drawer, Empty, Space, Spin, Tooltip, Typography } from 'antd';
import { RocketOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { t, tn, uiLocale } from '@/lib/i18n';
import type { Platform } from '@/lib/platforms/types';
import { PlatformMark } from '@/components/common/PlatformMark';
import type { StoreView } from '@/components/common/useStores';
import { DraftForm } from './DraftForm';
import { DraftStatusTag } from './DraftStatusTag';
import { patchOf, problemsOf, refusalOn } from './fields';
import { PriceJumpConfirm } from './PriceJumpConfirm';
import { RefusalDetails } from './RefusalDetails';
import { SaveIndicator } from './SaveIndicator';
import type { DraftView } from './types';
import { useDraftAutosave } from './useDraftAutosave';
import { useDestinationCatalog, type PickedCategory } from './useDestinationCatalog';
import { useShopDefaults } from './useShopDefaults';

const publishing = (d: DraftView | undefined) => d?.status === 'publishing';

interface Props {
  draftId: number;
  store: StoreView;
  storeNames: Map<number, string>;
  onClose: () => void;
  onRelease: (draft: DraftView) => void;
}

export function DraftEditor({ draftId, store, storeNames, onClose, onRelease }: Props) {
  const { message } = App.useApp();
  const auto = useDraftAutosave(draftId);
  const { draft, values } = auto;
  const platform = store.platform as Platform;
  const [picked, setPicked] = useState<PickedCategory | null>(null);
  const catalog = useDestinationCatalog(draftId, store.id, platform, values?.categoryId ?? null, picked);
  const problems = draft && values ? problemsOf(values, draft, catalog.known) : [];
  useShopDefaults(catalog, values, publishing(draft), auto.change);

  const pick = (category: PickedCategory) => {
    setPicked(category);
    auto.change((latest) => ({ ...latest, categoryId: category.id }));
    // Kept for the next copy from the same source category between these stores (a copy of
    // system products, or a source without a category, is not remembered: the answer says so).
    if (draft?.source.kind === 'clone') call('catalog.rememberCategory', { draftId, categoryId: category.id }).catch(() => undefined);
  };
  const held = values ? patchOf(values).held : [];
  const refused = draft && values ? refusalOn(draft, values) : [];
  const isPublishing = publishing(draft);

  const close = () => {
    void auto.flush();
    onClose();
  };

  const release = async () => {
    await auto.flush();
    if (auto.pending() || !draft) {
      message.error(t('draft_releaseUnsaved'));
      return;
    }
    onRelease(draft);
  };

  const blocked = !draft || auto.gone ? t('draft_releaseGone') : isPublishing ? t('draft_releaseBusy') : problems.length ? tn('draft_releaseBlocked', problems.length) : null;
  const releaseButton = (
    <Tooltip
      title={blocked && (
        <div data-testid="draft-release-why">
          <div>{blocked}</div>
          {problems.slice(0, 6).map((p) => <div key={p.field + p.message}>• {p.message}</div>)}
        </div>
      )}
    >
      <Button type="primary" icon={<RocketOutlined />} disabled={!!blocked} onClick={() => void release()} data-testid="draft-release">
        {t('draft_release')}
      </Button>
    </Tooltip>
  );

  return (
    <Drawer
      open
      size={1120}
      onClose={close}
      title={
        <Space size={8}>
          <PlatformMark platform={store.platform as Platform} size={22} />
          <span>{t('draft_editTitle', store.name)}</span>
          {draft && <DraftStatusTag draft={draft} />}
        </Space>
      }
      extra={
        <Space size="large">
          <SaveIndicator state={auto.state} />
          {releaseButton}
        </Space>
      }
      footer={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">{t('draft_footerHelp')}</Typography.Text>
          <Button onClick={close} data-testid="draft-close">{t('draft_close')}</Button>
        </Space>
      }
      data-testid="draft-editor"
    >
      <PriceJumpConfirm jumps={auto.priceCheck} onConfirm={auto.confirmPrices} onUndo={auto.undoPrices} />
      {auto.gone ? (
        <Empty description={t('draft_gone')} data-testid="draft-gone" style={{ padding: '48px 0' }}>
          <Button onClick={onClose}>{t('draft_close')}</Button>
        </Empty>
      ) : auto.loadError ? (
        <Alert type="error" showIcon title={auto.loadError} />
      ) : !draft || !values ? (
        <Spin style={{ display: 'block', margin: '64px auto' }} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {auto.notice && (
            <Alert type={auto.notice.type} showIcon closable={{ onClose: auto.dismissNotice }} title={auto.notice.text} data-testid="draft-notice" />
          )}
          {auto.offer && (
            <Alert
              type="warning"
              showIcon
              title={t('draft_offerTitle', new Date(auto.offer.at).toLocaleString(uiLocale()))}
              description={t('draft_offerHelp')}
              data-testid="draft-offer"
              action={
                <Space orientation="vertical">
                  <Button size="small" type="primary" onClick={auto.applyOffer}>{t('draft_offerApply')}</Button>
                  <Button size="small" onClick={auto.discardOffer}>{t('draft_offerDiscard')}</Button>
                </Space>
              }
            />
          )}
          {draft.status === 'failed' && draft.failure && (
            <Alert
              type="error"
              showIcon
              title={t('draft_lastReleaseFailed')}
              description={
                <>
                  <div data-testid="draft-failure-message">{draft.failure.message}</div>
                  <RefusalDetails details={draft.failure.details} testId="draft-failure-details" />
                </>
              }
              data-testid="draft-failure"
            />
          )}
          {isPublishing && <Alert type="info" showIcon title={t('draft_publishingNow')} />}
          <Space wrap size="middle">
            <Typography.Text type="secondary">
              {draft.source.kind === 'clone'
                ? t('draft_sourceClone', storeNames.get(draft.source.storeId) ?? `#${draft.source.storeId}`, draft.source.platformItemId)
                : t('draft_sourceProducts')}
            </Typography.Text>
            {problems.length ? (
              <Typography.Text type="warning" data-testid="draft-problem-count">{tn('draft_problemsToFix', problems.length)}</Typography.Text>
            ) : (
              <Typography.Text type="success" data-testid="draft-problem-count">{t('draft_readyToRelease')}</Typography.Text>
            )}
          </Space>
          <DraftForm values={values} platform={platform} problems={problems} held={held} refused={refused} storeName={store.name} disabled={isPublishing} catalog={catalog} storeId={store.id} picked={picked} onPick={pick} onChange={auto.change} />
        </Space>
      )}
    </Drawer>
  );
}
