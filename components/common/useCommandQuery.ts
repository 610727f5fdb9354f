// Loads data through a command and keeps it fresh: again when `deps` change, when `signal`
// moves (see useDbChange) or when the page calls `reload()` after its own write. A slow answer
// that arrives after a newer request is dropped, so typing in a search box never shows stale rows.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './commandErrors';

export interface CommandQuery<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

export function useCommandQuery<T>(load: () => Promise<T>, deps: unknown[], signal = 0): CommandQuery<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [bump, setBump] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (ticket !== latest.current) return;
        setError(errorText(err));
        setLoading(false);
      },
    );
    // `deps` are the caller's inputs; spreading them keeps this hook generic.
  }, [...deps, signal, bump]);

  const reload = useCallback(() => setBump((n) => n + 1), []);
  return { data, loading, error, reload };
}
