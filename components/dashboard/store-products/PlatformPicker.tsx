// Step one of entering the module: the five platforms, each with its number of connected stores.
// A platform without a store says how to connect one.
import { Card, Col, Row, Space, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { t } from '@/lib/i18n';
import { hrefOf } from '../routes';
import { goTo } from './location';
import { PLATFORMS, PLATFORM_NAME, PLATFORM_TINT, type Platform } from './platforms';
import { PlatformMark } from './PlatformMark';
import type { StoreView } from './useStores';

export function PlatformPicker({ stores }: { stores: StoreView[] | undefined }) {
  const count = (p: Platform) => (stores ?? []).filter((s) => s.platform === p).length;
  return (
    <div data-testid="sp-platform-picker">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('nav_storeProducts')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sp_pickPlatformHelp')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {PLATFORMS.map((p) => {
          const n = count(p);
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
                <Typography.Text data-testid={`sp-platform-count-${p}`}>{t(n === 1 ? 'sp_oneStore' : 'sp_nStores', n)}</Typography.Text>
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
                onClick={n > 0 ? () => goTo({ platform: p }) : undefined}
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
