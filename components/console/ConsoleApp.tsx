// The whole injected UI of one console tab: one React root in the page layer renders every
// listing's controls into that listing's own shadow root (portals), plus the toolbar, the
// pickers and the connect hint.
import { useCallback } from 'react';
import { createPortal } from 'react-dom';
import type { Session } from '@/lib/consoles/runtime/session';
import { AddSkuPicker } from './AddSkuPicker';
import { AutoSyncPicker } from './AutoSyncPicker';
import { ClonePicker } from './ClonePicker';
import { ConnectHint } from './ConnectHint';
import { ConnectPicker } from './ConnectPicker';
import { LayerContext, SessionContext, useConsole, useSession } from './context';
import { RowControls } from './RowControls';
import { Toolbar } from './Toolbar';
import { VariantControls } from './VariantControls';

function Slots() {
  const slots = useConsole('slots');
  return <>{slots.map((s) => createPortal(s.kind === 'variant' ? <VariantControls id={s.id} variantId={s.variantId!} /> : <RowControls id={s.id} />, s.container, s.key))}</>;
}

function Pickers() {
  const { actions } = useSession();
  const picker = useConsole('picker');
  const close = useCallback(() => actions.closePicker(), [actions]);
  if (!picker) return null;
  if (picker.kind === 'clone') return <ClonePicker key={picker.ids.join()} ids={picker.ids} anchor={picker.anchor} onClose={close} />;
  if (picker.kind === 'addSku') return <AddSkuPicker key={`add-${picker.ids.join()}`} ids={picker.ids} anchor={picker.anchor} onClose={close} />;
  if (picker.kind === 'autoOn') return <AutoSyncPicker key={`auto-${picker.ids.join()}`} ids={picker.ids} anchor={picker.anchor} onClose={close} />;
  return <ConnectPicker key={picker.ids[0]} id={picker.ids[0]!} anchor={picker.anchor} onClose={close} />;
}

function Layer() {
  const identity = useConsole('identity');
  const features = useConsole('features');
  return (
    <>
      <Slots />
      {identity?.store && features.toolbar && <Toolbar />}
      <Pickers />
      <ConnectHint />
    </>
  );
}

export function ConsoleApp({ session, layer }: { session: Session; layer: HTMLElement | null }) {
  return (
    <SessionContext.Provider value={session}>
      <LayerContext.Provider value={layer}>
        <Layer />
      </LayerContext.Provider>
    </SessionContext.Provider>
  );
}
