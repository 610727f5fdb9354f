// The message the background sends a console's content script when the seller picks a Shelfsync
// context-menu item (tabs.sendMessage), and its answer. Shared by both halves; no code beyond the
// check. The items and their actions are the features' `menu` entries (./features.ts).
import { MENU_ACTIONS, type MenuAction } from './features';

export type { MenuAction } from './features';
export const MENU_MESSAGE = 'shelfsync:menu';

export interface MenuRequest {
  type: typeof MENU_MESSAGE;
  action: MenuAction;
}

export interface MenuAnswer {
  ok: boolean;
  message: string;
  /** The in-page picker opened instead of acting (Clone to…, Connect… on one listing). */
  opened?: boolean;
  /** How many listings it acted on (or opened the picker for). */
  count: number;
}

export function isMenuRequest(m: unknown): m is MenuRequest {
  return !!m && typeof m === 'object' && (m as MenuRequest).type === MENU_MESSAGE && (MENU_ACTIONS as readonly string[]).includes((m as MenuRequest).action);
}
