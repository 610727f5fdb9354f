// The injected UI reads the session's store with useSyncExternalStore; selectors return parts
// of the state as they are (stable references), so a status answer re-renders only its rows.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Session } from '@/lib/consoles/runtime/session';
import type { ConsoleSnapshot } from '@/lib/consoles/runtime/state';

export const SessionContext = createContext<Session | null>(null);
/** The page layer's container: tooltips and pickers render there (never clipped by a table). */
export const LayerContext = createContext<HTMLElement | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('the console UI needs a SessionContext');
  return s;
}

export function useConsole<K extends keyof ConsoleSnapshot>(key: K): ConsoleSnapshot[K] {
  const { state } = useSession();
  return useSyncExternalStore(state.subscribe, () => state.get()[key]);
}

export function useStatus(id: string) {
  const { state } = useSession();
  return useSyncExternalStore(state.subscribe, () => state.status.get(id));
}

export function useBusy(id: string) {
  const { state } = useSession();
  return useSyncExternalStore(state.subscribe, () => state.busy.get(id));
}
