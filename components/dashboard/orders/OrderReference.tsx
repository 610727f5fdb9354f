// A stock movement's reference as the seller reads it: an order movement names its order (store
// and order id) as a link to the Orders page with that order open; any other reference as is.
import { Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { parseOrderReference } from '@/lib/orders/views';
import { ordersHref } from './location';

/** Store id → name, live (only names leave the query: never a store's secret). */
export function useStoreNames(): Map<number, string> | undefined {
  return useLiveQuery(async () => new Map((await getDb().stores.toArray()).map((s) => [s.id, s.name])), []);
}

export function MovementReference({ reference, storeNames }: { reference: string | null; storeNames: Map<number, string> | undefined }) {
  const order = parseOrderReference(reference);
  if (!order) return <>{reference ?? ''}</>;
  const store = storeNames?.get(order.storeId) ?? `#${order.storeId}`;
  return (
    <Typography.Link href={ordersHref({ storeId: order.storeId, q: order.platformOrderId, order: order.platformOrderId })} data-testid="movement-order-link">
      {t('orders_reference', order.platformOrderId, store)}
    </Typography.Link>
  );
}
