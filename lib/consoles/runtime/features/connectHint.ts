// A console Shelfsync recognises but cannot tie to a connected store: one small, dismissible
// pill ("Connect this store to Shelfsync"), nothing else.
import { defineFeature } from '../registry';

export const connectHint = defineFeature({
  id: 'connect-hint',
  switches: null,
  kinds: null,
  needs: 'no-store',
  init(signal, v) {
    if (v.state.get().hintDismissed) return false;
    v.state.set({ hint: v.identity.reason === 'ambiguous' ? 'ambiguous' : 'not_connected' });
    signal.addEventListener('abort', () => v.state.set({ hint: null }), { once: true });
  },
});
