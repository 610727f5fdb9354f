// Clone (PRODUCT.md flow 8): the selected listings → one or several destination stores (any
// platform, this store too) → a draft per listing in each destination's To be published, with a
// result per destination and a way there.
import { Alert, App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call, type CommandOutput } from '@/lib/commands/client';
import { t, tn } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import { StoreName } from '@/components/common/StoreName';
import { moduleHref } from '../store-products/location';
import { PlatformMark } from '@/components/common/PlatformMark';
import { useStores, type StoreView } from '@/components/common/useStores';
import { StoreChooser } from './StoreChooser';
import { MARKETPLACES } from '@/lib/drafts/catalogChecks';
import type { Platform } from '@/lib/platforms/types';

type CloneAnswer = CommandOutput<'storeProducts.clone'>;

interface Props {
  source: StoreView;
  storeProductIds: number[];
  /** Titles of the selected listings the page has loaded (the selection may span pages). */
  titles?: string[];
  onClose: () => void;
  /** Called after drafts were made (the seller may want the selection cleared). */
  onCloned?: () => void;
}

interface Destination { store: StoreView; drafts: number; errors: string[] }

export function CloneModal({ source, storeProductIds: selected, titles = [], onClose, onCloned }: Props) {
  // The selection as it was when the modal opened (the page may clear it once drafts are made).
  const [storeProductIds] = useState(selected);
  const { message } = App.useApp();
  const { stores } = useStores();
  const [chosen, setChosen] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ result: CloneAnswer; destinations: Destination[] } | null>(null);
  // A marketplace of another platform: release puts the images into its own hosting (no work for
  // the seller), but its category, required attributes and brand are chosen in each copy.
  const otherMarketplace = chosen.some((id) => {
    const p = stores?.find((s) => s.id === id)?.platform;
    return !!p && p !== source.platform && MARKETPLACES.has(p as Platform);
  });

  async function confirm() {
    setBusy(true);
    try {
      const result = await call('storeProducts.clone', { storeProductIds, destinationStoreIds: chosen });
      const destinations = chosen.map((id) => ({
        store: stores!.find((s) => s.id === id)!,
        drafts: result.drafts.filter((d) => d.storeId === id).length,
        errors: [...new Set(result.errors.filter((e) => e.storeId === id).map((e) => e.message))],
      }));
      setAnswer({ result, destinations });
      if (result.drafts.length) onCloned?.();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const footer = answer ? (
    <Button type="primary" onClick={onClose} data-testid="clone-close">{t('clone_close')}</Button>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('common_cancel')}</Button>
      <Button type="primary" disabled={!chosen.length} loading={busy} onClick={() => void confirm()} data-testid="clone-confirm">
        {chosen.length ? tn('clone_confirm', chosen.length) : t('clone_confirmNone')}
      </Button>
    </Space>
  );

  return (
    <Modal open title={tn('clone_title', storeProductIds.length)} onCancel={onClose} footer={footer} width={720}>
      <div data-testid="clone-modal">
        {!answer ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {titles.length > 0 && (
              <Typography.Text strong data-testid="clone-listings">
                {titles.slice(0, 3).join(' · ')}
                {storeProductIds.length > Math.min(3, titles.length) && <Typography.Text type="secondary"> {t('clone_andMore', storeProductIds.length - Math.min(3, titles.length))}</Typography.Text>}
              </Typography.Text>
            )}
            <Typography.Text type="secondary">{t('clone_help')}</Typography.Text>
            <div>
              <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>{t('clone_destinations')}</Typography.Text>
              <StoreChooser multiple stores={stores ?? []} currentId={source.id} value={chosen} onChange={setChosen} testId="clone-stores" placeholder={t('clone_findStores')} />
            </div>
            {otherMarketplace && <Alert type="info" showIcon title={t('clone_marketplaceNote')} data-testid="clone-marketplace-note" />}
          </Space>
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="clone-result">
            {answer.result.drafts.length > 0 ? (
              <Alert type="success" showIcon title={tn('clone_made', answer.result.drafts.length)} description={t('clone_madeHelp')} />
            ) : (
              <Alert type="error" showIcon title={t('clone_noneMade')} />
            )}
            <Table<Destination>
              size="small"
              rowKey={(d) => d.store.id}
              pagination={false}
              dataSource={answer.destinations}
              onRow={(d) => ({ 'data-testid': `clone-result-${d.store.id}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: t('clone_colStore'), key: 'store',
                  render: (_, d) => (
                    <Space size={6}>
                      <PlatformMark platform={d.store.platform} size={18} />
                      <StoreName store={d.store} strong />
                    </Space>
                  ),
                },
                {
                  title: t('clone_colResult'), key: 'result',
                  render: (_, d) => (
                    <Space orientation="vertical" size={2}>
                      {d.drafts > 0 && <Tag color="success">{tn('clone_nDrafts', d.drafts)}</Tag>}
                      {d.errors.map((e) => <Typography.Text key={e} type="danger">{e}</Typography.Text>)}
                    </Space>
                  ),
                },
                {
                  title: '', key: 'open', width: 200,
                  render: (_, d) =>
                    d.drafts > 0 && (
                      <Typography.Link href={moduleHref({ platform: d.store.platform, storeId: d.store.id, view: 'drafts' })} onClick={onClose} data-testid={`clone-open-${d.store.id}`}>
                        {t('clone_openDrafts')}
                      </Typography.Link>
                    ),
                },
              ]}
            />
          </Space>
        )}
      </div>
    </Modal>
  );
}
