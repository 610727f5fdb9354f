// The injected UI reads the session's store with useSyncExternalStore; selectors return parts
// of the state as they are (stable references), so a status answer re-renders only its rows.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Session } from '@/lib/consoles/runtime/session';
import type { ConsoleState } from '@/lib/consoles/runtime/store';

export const SessionContext = createContext<Session | null>(null);
/** The page layer's container: tooltips and pickers render there (never clipped by a table). */
export const LayerContext = createContext<HTMLElement | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('the console UI needs a SessionContext');
  return s;
}

export function useConsole<K extends keyof ConsoleState>(key: K): ConsoleState[K] {
  const { store } = useSession();
  return useSyncExternalStore(store.subscribe, () => store.get()[key]);
}

export function useStatus(id: string) {
  const { store } = useSession();
  return useSyncExternalStore(store.subscribe, () => store.status.get(id));
}

export function useBusy(id: string) {
  const { store } = useSession();
  return useSyncExternalStore(store.subscribe, () => store.busy.get(id));
}
