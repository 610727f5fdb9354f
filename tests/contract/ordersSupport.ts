// What every platform's order contract test needs: read a whole scan page by page, and catch the
// PlatformError a call throws.
import { PlatformError, type ListOrdersPage, type PlatformOrder } from '../../lib/platforms/types.ts';

/** Follows `nextCursor` until the scan ends (a runaway scan fails the test). */
export async function readAllOrders(next: (cursor: string | null) => Promise<ListOrdersPage>): Promise<{ orders: PlatformOrder[]; pages: number }> {
  const orders: PlatformOrder[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: ListOrdersPage = await next(cursor);
    orders.push(...page.orders);
    cursor = page.nextCursor;
    if (++pages > 100) throw new Error('runaway paging');
  } while (cursor);
  return { orders, pages };
}

/** The PlatformError `p` rejects with; anything else fails the test. */
export async function platformErrorOf(p: Promise<unknown>): Promise<PlatformError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PlatformError) return e;
    throw e;
  }
  throw new Error('expected a PlatformError');
}
