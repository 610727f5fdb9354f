// A change signal from IndexedDB: a number that goes up each time a write touches what `querier`
// reads (Dexie liveQuery). Pages that list through commands re-query when it moves, so a change
// made elsewhere (another tab, an alarm's inventory pull, a job) shows without a reload.
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

export function useDbChange(querier: () => Promise<unknown>): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let first = true;
    const sub = liveQuery(querier).subscribe({
      next: () => {
        // The first answer is the state the page already loaded.
        if (first) first = false;
        else setTick((n) => n + 1);
      },
      error: () => undefined,
    });
    return () => sub.unsubscribe();
    // The querier is fixed for the life of the page.
  }, []);
  return tick;
}
