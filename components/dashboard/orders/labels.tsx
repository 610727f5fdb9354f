// The words and colours of an order's status, its lines' states and its problems, shared by the
// table, the lines and the drawer.
import { Tag, Tooltip } from 'antd';
import type { LineState, OrderProblem } from '@/lib/db/types';
import type { OrderStatus } from '@/lib/platforms/types';
import { t, tn, type MessageKey } from '@/lib/i18n';
import type { ListStatus } from './location';

export const STATUS: Record<OrderStatus, { label: MessageKey; color: string }> = {
  unpaid: { label: 'orders_status_unpaid', color: 'default' },
  open: { label: 'orders_status_open', color: 'blue' },
  shipped: { label: 'orders_status_shipped', color: 'green' },
  cancelled: { label: 'orders_status_cancelled', color: 'default' },
  returned: { label: 'orders_status_returned', color: 'purple' },
};

export const LIST_STATUS_LABEL: Record<ListStatus, MessageKey> = {
  open: 'orders_filter_open',
  shipped: 'orders_status_shipped',
  cancelled: 'orders_status_cancelled',
  returned: 'orders_status_returned',
};

/** What each line state did to stock, as the seller reads it (ORDERS.md's state machine). */
export const LINE_STATE: Record<LineState, { label: MessageKey; help: MessageKey; color: string }> = {
  none: { label: 'orders_line_none', help: 'orders_line_noneHelp', color: 'default' },
  reserved: { label: 'orders_line_reserved', help: 'orders_line_reservedHelp', color: 'orange' },
  fulfilled: { label: 'orders_line_fulfilled', help: 'orders_line_fulfilledHelp', color: 'purple' },
  released: { label: 'orders_line_released', help: 'orders_line_releasedHelp', color: 'default' },
  returned: { label: 'orders_line_returned', help: 'orders_line_returnedHelp', color: 'green' },
};

export const PROBLEM: Record<OrderProblem, { label: MessageKey; help: MessageKey; color: string }> = {
  unmatched: { label: 'orders_problem_unmatched', help: 'orders_problem_unmatchedHelp', color: 'warning' },
  short: { label: 'orders_problem_short', help: 'orders_problem_shortHelp', color: 'error' },
  no_warehouse: { label: 'orders_problem_no_warehouse', help: 'orders_problem_no_warehouseHelp', color: 'error' },
};

export function StatusTag({ status }: { status: OrderStatus }) {
  const s = STATUS[status];
  return <Tag color={s?.color}>{s ? t(s.label) : status}</Tag>;
}

export function LineStateTag({ state }: { state: LineState }) {
  const s = LINE_STATE[state];
  return (
    <Tooltip title={t(s.help)}>
      <Tag color={s.color} data-testid="order-line-state">{t(s.label)}</Tag>
    </Tooltip>
  );
}

/** A problem as a tag; `short` says by how many units when the lines know it. */
export function ProblemTag({ problem, shortBy }: { problem: OrderProblem; shortBy?: number }) {
  const p = PROBLEM[problem];
  const label = problem === 'short' && shortBy ? tn('orders_shortBy', shortBy) : t(p.label);
  return (
    <Tooltip title={t(p.help)}>
      <Tag color={p.color} data-testid={`order-problem-${problem}`}>{label}</Tag>
    </Tooltip>
  );
}
