// The message the background sends a console's content script when the seller picks a Shelfsync
// context-menu item (tabs.sendMessage), and its answer. Shared by both sides; no code.
export const MENU_MESSAGE = 'shelfsync:menu';
export const MENU_ACTIONS = ['sync', 'autoSyncOn', 'autoSyncOff', 'clone', 'connect'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

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
