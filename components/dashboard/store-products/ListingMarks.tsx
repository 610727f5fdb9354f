// What a seller must not miss on a listing: variants Shelfsync does not manage (not connected, so
// never pushed) and platform stock that is not the number Shelfsync would push ("differs").
import { Tag, Tooltip, Typography } from 'antd';
import { DisconnectOutlined, WarningOutlined } from '@ant-design/icons';
import { t, tn } from '@/lib/i18n';
import { formatNumber, formatTime } from '../inventory/format';
import type { ListingVariant } from './types';

export const DIFFERS_COLOR = '#d46b08';

type Variants = { variants: Pick<ListingVariant, 'productId' | 'differs'>[] };

export const notManagedOf = (l: Variants) => l.variants.filter((v) => v.productId === null).length;
export const differingOf = (l: Variants) => l.variants.filter((v) => v.differs).length;

/** "1 variant not managed" and "2 variants differ" under a listing's title. */
export function ListingMarks({ listing }: { listing: Variants & { id: number } }) {
  const unmanaged = notManagedOf(listing);
  const differing = differingOf(listing);
  if (!unmanaged && !differing) return null;
  return (
    <>
      {unmanaged > 0 && (
        <Tooltip title={t('sp_notManagedHelp')}>
          <Tag color="warning" icon={<DisconnectOutlined />} data-testid={`sp-not-managed-${listing.id}`} style={{ marginInlineEnd: 4 }}>
            {tn('sp_notManaged', unmanaged)}
          </Tag>
        </Tooltip>
      )}
      {differing > 0 && (
        <Tooltip title={t('sp_differsListingHelp')}>
          <Tag color="orange" data-testid={`sp-differs-${listing.id}`} style={{ marginInlineEnd: 4 }}>
            ≠ {tn('sp_differs', differing)}
          </Tag>
        </Tooltip>
      )}
    </>
  );
}

/** A variant's platform stock, marked when the last drift check saw another number than was
 *  pushed, and when it is not the number Shelfsync would push now. */
export function PlatformStock({ variant }: { variant: Pick<ListingVariant, 'id' | 'platformStock' | 'pushQuantity' | 'differs' | 'drift'> }) {
  return (
    <span>
      {variant.drift && (
        <Tooltip title={t('sp_drift', formatNumber(variant.drift.platformStock), formatNumber(variant.drift.expected), formatTime(variant.drift.at))}>
          <WarningOutlined style={{ color: '#fa8c16', marginRight: 4 }} />
        </Tooltip>
      )}
      {variant.differs ? (
        <Tooltip title={t('sp_differsHelp', formatNumber(variant.platformStock), formatNumber(variant.pushQuantity))}>
          <Typography.Text style={{ color: DIFFERS_COLOR, cursor: 'help' }} data-testid={`sp-stock-differs-${variant.id}`} aria-label={t('sp_differsHelp', formatNumber(variant.platformStock), formatNumber(variant.pushQuantity))}>
            ≠ {formatNumber(variant.platformStock)}
          </Typography.Text>
        </Tooltip>
      ) : (
        formatNumber(variant.platformStock)
      )}
    </span>
  );
}
