// Purchase order statuses as sellers see them, and the sums a list shows.
import { Tag } from 'antd';
import type { PurchaseOrderLine, PurchaseOrderStatus } from '@/lib/db/types';
import { t, type MessageKey } from '@/lib/i18n';

const STATUS: Record<PurchaseOrderStatus, { label: MessageKey; color: string }> = {
  ordered: { label: 'po_statusOrdered', color: 'blue' },
  partially_received: { label: 'po_statusPartial', color: 'gold' },
  received: { label: 'po_statusReceived', color: 'green' },
  cancelled: { label: 'po_statusCancelled', color: 'default' },
};

export const PO_STATUSES = Object.keys(STATUS) as PurchaseOrderStatus[];

export function statusLabel(status: PurchaseOrderStatus): string {
  return t(STATUS[status].label);
}

export function StatusTag({ status }: { status: PurchaseOrderStatus }) {
  return (
    <Tag color={STATUS[status].color} data-testid="po-status">
      {statusLabel(status)}
    </Tag>
  );
}

export function totalsOf(lines: PurchaseOrderLine[]): { ordered: number; received: number; open: number } {
  const ordered = lines.reduce((s, l) => s + l.quantity, 0);
  const received = lines.reduce((s, l) => s + l.received, 0);
  return { ordered, received, open: ordered - received };
}

export function isOpen(status: PurchaseOrderStatus): boolean {
  return status === 'ordered' || status === 'partially_received';
}
