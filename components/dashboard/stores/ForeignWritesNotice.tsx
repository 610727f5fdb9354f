// "Something else changes this store's stock": after a store's orders were counted, some of its
// listings still showed other numbers than Shelfsync pushed — another tool, or Shelfsync on a
// second computer, writes them too. The seller reads the listings and dismisses the notice.
import { Alert, Button, Typography } from 'antd';
import { t, tn } from '@/lib/i18n';
import { formatTime } from '../inventory/format';
import type { StoreView } from './view';

const SHOWN = 8;

export function ForeignWritesNotice({ store, busy, onDismiss }: { store: StoreView; busy: boolean; onDismiss: () => void }) {
  const fw = store.foreignWrites;
  if (!fw) return null;
  const more = fw.listings.length - SHOWN;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={`store-foreign-writes-${store.id}`}
      title={t('stores_foreignTitle', store.name)}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{tn('stores_foreignText', fw.listings.length)}</Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {fw.listings.slice(0, SHOWN).map((l) => (
              <li key={l.storeVariantId}>{t('stores_foreignListing', l.sellerSku || `#${l.storeVariantId}`, l.platformStock, l.expected)}</li>
            ))}
          </ul>
          {more > 0 && <Typography.Text type="secondary">{tn('stores_foreignMore', more)}</Typography.Text>}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>{t('stores_foreignSeen', formatTime(fw.at))}</Typography.Text>
        </>
      }
      action={<Button size="small" loading={busy} onClick={onDismiss} data-testid={`store-foreign-dismiss-${store.id}`}>{t('stores_foreignDismiss')}</Button>}
    />
  );
}
