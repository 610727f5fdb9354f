// The page half of a console feature (one module per entry of lib/consoles/features.ts): what the
// runtime drives (FeatureModule: a per-visit init, a once-per-script start, its context-menu
// actions) plus its controls at each mount point, as render functions the thin hosts call —
// RowControls (a listing row, or beside a product page's title), VariantControls (a variant's
// own line) and Toolbar (the ticked listings). Render functions, not components: a row renders
// each control in its own render, with no extra component per control per row.
import type { ReactNode } from 'react';
import type { ActionResult } from '@/lib/consoles/runtime/actions';
import type { MenuAnswer } from '@/lib/consoles/menuProtocol';
import type { FeatureModule } from '@/lib/consoles/runtime/registry';
import type { Session } from '@/lib/consoles/runtime/session';
import type { Busy, Identity, ItemStatus } from '@/lib/consoles/runtime/state';

export type Variant = ItemStatus['variants'][number];

export interface RowProps {
  id: string;
  status: ItemStatus;
  busy: Busy | undefined;
  identity: Identity | null;
  session: Session;
}

export interface VariantProps {
  id: string;
  variantId: string;
  variant: Variant;
  busy: Busy | undefined;
  /** What Shelfsync would push for the variant and how its last sync ended (tooltips). */
  summary: string;
  session: Session;
}

export interface ToolbarProps {
  ids: string[];
  working: boolean;
  /** Runs an action for the toolbar: its spinner while it works, its result as the toolbar's note. */
  run(fn: () => Promise<ActionResult>): void;
  session: Session;
}

export interface PickerProps {
  ids: string[];
  anchor: Element | null;
  onClose: () => void;
}

export interface PageFeature extends FeatureModule {
  row?(p: RowProps): ReactNode;
  /** On a row whose listing Shelfsync does not have (not downloaded yet, another store's id). */
  unknownRow?(p: Omit<RowProps, 'status'>): ReactNode;
  variant?(p: VariantProps): ReactNode;
  toolbar?(p: ToolbarProps): ReactNode;
}

export function definePageFeature<F extends PageFeature>(f: F): F {
  return f;
}

/** A menu action's answer: what it did, on how many listings. */
export function menuResult(r: ActionResult, ids: string[]): MenuAnswer {
  return { ...r, count: ids.length };
}

/** A menu action that opened the feature's picker in the page instead of acting. */
export async function menuOpened(s: Session, kind: Parameters<Session['actions']['openPicker']>[0], ids: string[]): Promise<MenuAnswer> {
  await s.ensureUi();
  s.actions.openPicker(kind, ids, null);
  return { ok: true, message: '', opened: true, count: ids.length };
}
