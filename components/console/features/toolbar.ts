// The toolbar for the listings the seller ticked in the console's own checkboxes (list pages).
// Its bar is the host ../Toolbar.tsx, which shows each feature's toolbar button (Sync, Auto sync
// on/off, Clone…, Add system SKU — their modules beside this one). This module keeps the ticked
// rows in the store: the consoles tick rows in their own scripts (select-all sets `checked`
// without a change event), so the selection is re-read after any click or change on the page,
// and after each rescan.
import type { VisitContext } from '@/lib/consoles/runtime/session';
import { definePageFeature } from './define';

export function tickedIds(v: Pick<VisitContext, 'rows'>): string[] {
  return [...v.rows.values()].filter((r) => r.checkbox?.checked).map((r) => r.id);
}

export const toolbar = definePageFeature({
  id: 'toolbar',
  init(signal, v) {
    let pending = false;
    const update = () => {
      pending = false;
      if (signal.aborted) return;
      const ids = tickedIds(v);
      const before = v.state.get().selected;
      if (ids.length !== before.length || ids.some((id, i) => id !== before[i])) v.state.set({ selected: ids });
    };
    const later = () => {
      if (pending) return;
      pending = true;
      setTimeout(update, 0);
    };
    for (const type of ['change', 'click', 'keyup']) document.addEventListener(type, later, { signal, passive: true });
    v.watcher.watch(signal, later);
    update();
  },
});
