// The console features' page modules, one per entry of lib/consoles/features.ts and in its order
// (the order of the controls on a row, in the toolbar and in the menu): the type below makes a
// missing module a compile error. The content scripts hand this list to the runtime (the
// features' inits, starts and menu actions); the hosts render its controls.
import type { ComponentType } from 'react';
import { CONSOLE_FEATURES, type ConsoleFeatureId, type PageKind } from '@/lib/consoles/features';
import type { Picker } from '@/lib/consoles/runtime/state';
import { AddSkuPicker } from '../AddSkuPicker';
import { AutoSyncPicker } from '../AutoSyncPicker';
import { ClonePicker } from '../ClonePicker';
import { ConnectPicker } from '../ConnectPicker';
import { autoSync } from './autoSync';
import { clone } from './clone';
import { connect } from './connect';
import { contextMenu } from './contextMenu';
import type { PageFeature, PickerProps } from './define';
import { statusIcon } from './statusIcon';
import { syncNow } from './syncNow';
import { toolbar } from './toolbar';

const MODULES: { [K in ConsoleFeatureId]: PageFeature & { id: K } } = { statusIcon, syncNow, autoSync, clone, connect, toolbar, contextMenu };

export const FEATURE_MODULES: readonly PageFeature[] = CONSOLE_FEATURES.map((f) => MODULES[f.id]);

const kindsOf = (m: PageFeature) => CONSOLE_FEATURES.find((f) => f.id === m.id)!.kinds as readonly PageKind[];

/** The modules with controls on a listing row (list pages) or beside a product page's title. */
export const ROW_MODULES: Record<'list' | 'product', readonly PageFeature[]> = {
  list: FEATURE_MODULES.filter((m) => m.row && kindsOf(m).includes('list')),
  product: FEATURE_MODULES.filter((m) => m.row && kindsOf(m).includes('product')),
};
export const VARIANT_MODULES = FEATURE_MODULES.filter((m) => m.variant);
export const TOOLBAR_MODULES = FEATURE_MODULES.filter((m) => m.toolbar);

/** The popover each picker kind opens (Clone…, Connect…, Add system SKU, Auto sync on). */
export const PICKERS: Record<Picker['kind'], ComponentType<PickerProps>> = {
  clone: ClonePicker,
  connect: ConnectPicker,
  addSku: AddSkuPicker,
  autoOn: AutoSyncPicker,
};
