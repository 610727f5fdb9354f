// The whole injected UI of one console tab: one React root in the page layer renders every
// listing's controls into that listing's own shadow root (portals), plus the toolbar (when its
// switch is on), the picker a feature opened and the connect hint.
import { useCallback } from 'react';
import { createPortal } from 'react-dom';
import type { Session } from '@/lib/consoles/runtime/session';
import { LanguageRoot } from '../common/LanguageRoot';
import { ConnectHint } from './ConnectHint';
import { LayerContext, SessionContext, useConsole, useSession } from './context';
import { PICKERS } from './features';
import { RowControls } from './RowControls';
import { Toolbar } from './Toolbar';
import { VariantControls } from './VariantControls';

function Slots() {
  const slots = useConsole('slots');
  return <>{slots.map((s) => createPortal(s.kind === 'variant' ? <VariantControls id={s.id} variantId={s.variantId!} /> : <RowControls id={s.id} page={s.kind === 'product' ? 'product' : 'list'} />, s.container, s.key))}</>;
}

function Pickers() {
  const { actions } = useSession();
  const picker = useConsole('picker');
  const close = useCallback(() => actions.closePicker(), [actions]);
  if (!picker) return null;
  // The popover of the feature that opened it; a new one for other listings starts afresh.
  const Opened = PICKERS[picker.kind];
  return <Opened key={`${picker.kind}:${picker.ids.join()}`} ids={picker.ids} anchor={picker.anchor} onClose={close} />;
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
        {/* A language change (Settings, or the console's own) re-renders every control at once. */}
        <LanguageRoot ownPage={false}>
          <Layer />
        </LanguageRoot>
      </LayerContext.Provider>
    </SessionContext.Provider>
  );
}
