// The columns of To be published: image, title (opens the edit page) with where the draft came
// from, SKUs, price and stock per variant, status, what is left to fix, last change.
import { Button, Popover, Tag, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { t, tn } from '@/lib/i18n';
import { formatNumber } from '../inventory/format';
import { ListingImage } from '@/components/common/ListingImage';
import { shortDate } from '@/components/common/time';
import { DraftStatusTag } from './DraftStatusTag';
import type { DraftVariant, DraftView } from './types';

const MAX_LINES = 4;
/** At most two lines of title, however long (and however few spaces) it is. */
const TITLE: React.CSSProperties = { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' };
const LINE: React.CSSProperties = { height: 24, lineHeight: '24px', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

function lines(d: DraftView, render: (v: DraftVariant) => ReactNode, more?: ReactNode) {
  return (
    <div>
      {d.variants.slice(0, MAX_LINES).map((v, i) => (
        <div key={i} style={LINE}>{render(v)}</div>
      ))}
      {d.variants.length > MAX_LINES && <div style={LINE}>{more ?? '\u00a0'}</div>}
      {d.variants.length === 0 && <Typography.Text type="secondary">{t('draft_noVariants')}</Typography.Text>}
    </div>
  );
}

export function ProblemsBadge({ draft }: { draft: Pick<DraftView, 'id' | 'validation'> }) {
  if (!draft.validation.length) {
    return <Tag icon={<CheckCircleOutlined />} color="success" data-testid={`draft-ready-${draft.id}`}>{t('draft_ready')}</Tag>;
  }
  return (
    <Popover
      title={tn('draft_problemsToFix', draft.validation.length)}
      content={
        <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 420 }}>
          {draft.validation.map((p, i) => <li key={i}>{p.message}</li>)}
        </ul>
      }
    >
      <Tag icon={<WarningOutlined />} color="warning" data-testid={`draft-problems-${draft.id}`}>{t('draft_nToFix', draft.validation.length)}</Tag>
    </Popover>
  );
}

/** `href`: the link of a draft's edit page (a real link: it can be opened in a new tab or copied). */
export function draftColumns({ href, storeNames }: { href: (d: DraftView) => string; storeNames: Map<number, string> }): TableColumnsType<DraftView> {
  const more = (d: DraftView) => (
    <Button type="link" size="small" style={{ padding: 0, height: 24 }} href={href(d)}>{t('draft_moreVariants', d.variants.length - MAX_LINES)}</Button>
  );
  return [
    { title: t('draft_colImage'), key: 'image', width: 64, render: (_, d) => <ListingImage url={d.imageUrls[0] ?? null} /> },
    {
      title: t('draft_colTitle'), key: 'title',
      render: (_, d) => (
        <div>
          <div style={TITLE}>
            <Typography.Link strong href={href(d)} title={d.title} data-testid={`draft-title-${d.id}`}>
              {d.title || t('draft_untitled')}
            </Typography.Link>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.source.kind === 'clone' ? t('draft_fromClone', storeNames.get(d.source.storeId) ?? `#${d.source.storeId}`) : t('draft_fromProducts')}
          </Typography.Text>
          {d.status === 'failed' && d.failure && (
            <Typography.Paragraph
              type="danger"
              style={{ fontSize: 12, margin: 0 }}
              ellipsis={{ rows: 2, tooltip: <>{d.failure.message}{d.failure.details && <div style={{ marginTop: 4, opacity: 0.8, fontFamily: 'monospace' }}>{d.failure.details}</div>}</> }}
              data-testid={`draft-failure-${d.id}`}
            >
              {d.failure.message}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    { title: t('draft_colSkus'), key: 'skus', width: 170, render: (_, d) => lines(d, (v) => v.sellerSku || <Typography.Text type="secondary" italic>{t('draft_noSku')}</Typography.Text>, more(d)) },
    { title: t('draft_colPrice'), key: 'price', width: 100, align: 'right', render: (_, d) => lines(d, (v) => formatNumber(v.price, 2)) },
    { title: t('draft_colStock'), key: 'stock', width: 80, align: 'right', render: (_, d) => lines(d, (v) => formatNumber(v.stock)) },
    { title: t('draft_colStatus'), key: 'status', width: 120, render: (_, d) => <DraftStatusTag draft={d} /> },
    { title: t('draft_colToFix'), key: 'problems', width: 124, render: (_, d) => <ProblemsBadge draft={d} /> },
    { title: t('draft_colUpdated'), key: 'updated', width: 124, render: (_, d) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{shortDate(d.updatedAt)}</Typography.Text> },
    {
      title: '', key: 'edit', width: 64, fixed: 'right',
      render: (_, d) => <Button type="link" size="small" href={href(d)} data-testid={`draft-edit-${d.id}`}>{t('draft_edit')}</Button>,
    },
  ];
}
