// Step one of entering the module: the five platforms, each with its connected stores (named so
// that stores called alike are told apart), their listings and unconnected variants. A platform
// with one store goes straight into it; one without a store says how to connect one.
import { Card, Col, Row, Space, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { t, tn } from '@/lib/i18n';
import { StoreName } from '@/components/common/StoreName';
import { formatNumber } from '../inventory/format';
import { hrefOf } from '../routes';
import { goTo } from './location';
import { PLATFORMS, PLATFORM_NAME, PLATFORM_TINT, type Platform } from '@/components/common/platforms';
import { PlatformMark } from '@/components/common/PlatformMark';
import { totalOf, useStoreCounts } from './useStoreCounts';
import type { StoreView } from '@/components/common/useStores';

/** Store names a card lists before it says "and N more". */
const NAMED = 3;

export function PlatformPicker({ stores }: { stores: StoreView[] | undefined }) {
  const counts = useStoreCounts(stores);
  const of = (p: Platform) => (stores ?? []).filter((s) => s.platform === p);
  return (
    <div data-testid="sp-platform-picker">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('nav_storeProducts')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sp_pickPlatformHelp')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {PLATFORMS.map((p) => {
          const mine = of(p);
          const n = mine.length;
          const total = totalOf(counts, mine);
          const body = (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Space>
                  <PlatformMark platform={p} size={32} />
                  <Typography.Text strong style={{ fontSize: 16 }}>{t(PLATFORM_NAME[p])}</Typography.Text>
                </Space>
                {n > 0 && <RightOutlined style={{ color: '#999' }} />}
              </Space>
              {stores === undefined ? (
                <Typography.Text type="secondary">…</Typography.Text>
              ) : n > 0 ? (
                <>
                  <Typography.Text data-testid={`sp-platform-count-${p}`}>{tn('sp_nStores', n)}</Typography.Text>
                  {total && (
                    <Typography.Text type="secondary" data-testid={`sp-platform-listings-${p}`}>
                      {tn('sp_cardListings', total.listings)}
                      {total.unconnected > 0 && <Typography.Text type="warning">{` · ${tn('sp_cardUnconnected', total.unconnected)}`}</Typography.Text>}
                    </Typography.Text>
                  )}
                  <div data-testid={`sp-platform-stores-${p}`} style={{ display: 'flex', flexDirection: 'column', fontSize: 12, minWidth: 0 }}>
                    {mine.slice(0, NAMED).map((s) => (
                      <Typography.Text key={s.id} ellipsis style={{ fontSize: 12 }}>
                        <StoreName store={s} />
                      </Typography.Text>
                    ))}
                    {n > NAMED && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sp_cardMoreStores', formatNumber(n - NAMED))}</Typography.Text>}
                  </div>
                </>
              ) : (
                <Typography.Text type="secondary" data-testid={`sp-platform-none-${p}`}>
                  {t('sp_noStoreYet')} <a href={hrefOf('stores')}>{t('sp_connectInStores')}</a>
                </Typography.Text>
              )}
            </Space>
          );
          return (
            <Col key={p} xs={24} sm={12} lg={8} xl={8} xxl={4}>
              <Card
                hoverable={n > 0}
                // One store: nothing to choose, straight into it (the switcher inside still shows it).
                onClick={n > 0 ? () => goTo(n === 1 ? { platform: p, storeId: mine[0]!.id } : { platform: p }) : undefined}
                style={{ height: '100%', borderTop: `3px solid ${PLATFORM_TINT[p]}`, cursor: n > 0 ? 'pointer' : 'default', opacity: n > 0 ? 1 : 0.85 }}
                data-testid={`sp-platform-${p}`}
              >
                {body}
              </Card>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}
