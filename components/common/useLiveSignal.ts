// A change signal from IndexedDB for lists read through commands, throttled: while the engine
// pushes thousands of variants the tables change many times a second, and the page only needs to
// re-query about once a second to stay current. The re-query waits a moment after the change so
// the background has finished what follows the write (e.g. patching its list summaries).
import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'react';

const SETTLE_MS = 150;

export function useLiveSignal(querier: () => Promise<unknown>, deps: unknown[], throttleMs = 800): number {
  const [tick, setTick] = useState(0);
  const last = useRef(0);
  useEffect(() => {
    let first = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      timer = undefined;
      last.current = Date.now();
      setTick((n) => n + 1);
    };
    const sub = liveQuery(querier).subscribe({
      next: () => {
        // The first answer is the state the page already loaded.
        if (first) {
          first = false;
          return;
        }
        if (timer) return;
        const wait = Math.max(SETTLE_MS, last.current + throttleMs - Date.now());
        timer = setTimeout(fire, wait);
      },
      error: () => undefined,
    });
    return () => {
      sub.unsubscribe();
      clearTimeout(timer);
    };
    // The querier depends only on `deps`.
  }, deps);
  return tick;
}
