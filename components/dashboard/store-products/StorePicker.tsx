// Step two: the stores of the chosen platform, each named by its shop and region so stores called
// alike are told apart. Changing platform is going back out. A platform with one store has
// nothing to choose: the picker steps into it (replacing itself in the history, so Back does not
// bounce here again).
import { Button, Card, Col, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, RightOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { t, tn } from '@/lib/i18n';
import { shopText } from '@/lib/stores/label';
import { formatTime } from '../inventory/format';
import { hrefOf } from '../routes';
import { goTo, moduleHref } from './location';
import { PLATFORM_NAME, type Platform } from '@/components/common/platforms';
import { PlatformMark } from '@/components/common/PlatformMark';
import { StoreStatusTag } from './StoreStatusTag';
import { useStoreCounts } from './useStoreCounts';
import type { StoreView } from '@/components/common/useStores';

export function StorePicker({ platform, stores }: { platform: Platform; stores: StoreView[] | undefined }) {
  const mine = (stores ?? []).filter((s) => s.platform === platform);
  const counts = useStoreCounts(stores === undefined ? undefined : mine);
  const only = mine.length === 1 ? mine[0]!.id : undefined;
  useEffect(() => {
    if (only !== undefined) window.location.replace(moduleHref({ platform, storeId: only }));
  }, [platform, only]);
  if (only !== undefined) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
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
                  <Typography.Text type="secondary" data-testid={`sp-shop-${s.id}`}>{shopText(s)}</Typography.Text>
                  <Space size={4} wrap>
                    <StoreStatusTag store={s} />
                    {!!counts?.get(s.id)?.unconnected && <Tag color="warning">{tn('sp_cardUnconnected', counts.get(s.id)!.unconnected)}</Tag>}
                  </Space>
                  {counts?.get(s.id) && <Typography.Text>{tn('sp_cardListings', counts.get(s.id)!.listings)}</Typography.Text>}
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
