// The order shapes the page reads (COMMANDS.md `orders.list` / `orders.get`).
import type { CommandOutput } from '@/lib/commands/client';

export type OrderListItem = CommandOutput<'orders.list'>['items'][number];
export type OrderLine = OrderListItem['lines'][number];
export type OrderDetail = CommandOutput<'orders.get'>;
