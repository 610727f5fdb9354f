// Step two: the stores of the chosen platform. Changing platform is going back out.
import { Button, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, RightOutlined } from '@ant-design/icons';
import { call } from '@/lib/commands/client';
import { t } from '@/lib/i18n';
import { useCommandQuery } from '@/components/common/useCommandQuery';
import { formatTime } from '../inventory/format';
import { hrefOf } from '../routes';
import { goTo } from './location';
import { PLATFORM_NAME, type Platform } from './platforms';
import { PlatformMark } from './PlatformMark';
import { StoreStatusTag } from './StoreStatusTag';
import type { StoreView } from './useStores';

/** The store's number of listings; re-read when the store row changes (a download ends). */
function ListingCount({ storeId, version }: { storeId: number; version: number }) {
  const q = useCommandQuery(() => call('storeProducts.list', { storeId, pageSize: 1 }), [storeId, version]);
  if (q.data === undefined) return null;
  return <Typography.Text>{t('sp_nListings', q.data.total)}</Typography.Text>;
}

export function StorePicker({ platform, stores }: { platform: Platform; stores: StoreView[] | undefined }) {
  const mine = (stores ?? []).filter((s) => s.platform === platform);
  return (
    <div data-testid="sp-store-picker">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Space size="middle">
          <PlatformMark platform={platform} size={36} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>{t(PLATFORM_NAME[platform])}</Typography.Title>
            <Typography.Text type="secondary">{t('sp_pickStoreHelp')}</Typography.Text>
          </div>
        </Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => goTo({})} data-testid="sp-change-platform">{t('sp_changePlatform')}</Button>
      </Space>
      {stores !== undefined && mine.length === 0 ? (
        <Empty
          style={{ padding: '48px 0' }}
          data-testid="sp-no-stores"
          description={
            <Space orientation="vertical">
              <Typography.Text strong>{t('sp_noStoresTitle', t(PLATFORM_NAME[platform]))}</Typography.Text>
              <Typography.Text type="secondary">{t('sp_noStoresHelp')}</Typography.Text>
            </Space>
          }
        >
          <Button type="primary" href={hrefOf('stores')}>{t('sp_goToStores')}</Button>
        </Empty>
      ) : (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          {mine.map((s) => (
            <Col key={s.id} xs={24} md={12} xl={8}>
              <Card hoverable onClick={() => goTo({ platform, storeId: s.id })} data-testid={`sp-store-${s.id}`} style={{ height: '100%' }}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                    <Typography.Text strong style={{ fontSize: 16 }}>{s.name}</Typography.Text>
                    <RightOutlined style={{ color: '#999' }} />
                  </Space>
                  <Space size={4} wrap>
                    <StoreStatusTag store={s} />
                    {s.region && <Tag>{s.region.toUpperCase()}</Tag>}
                  </Space>
                  <ListingCount storeId={s.id} version={s.updatedAt} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.download.last ? t('sp_lastDownload', formatTime(s.download.last.at)) : t('sp_neverDownloaded')}
                  </Typography.Text>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
