// Filters live in the URL hash (`#/inventory/stock?warehouse=2&q=tee`) so a reload or a shared
// link shows the same view. Written with replaceState: no history entry, no hashchange event.
function split(): [string, URLSearchParams] {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return at < 0 ? [hash, new URLSearchParams()] : [hash.slice(0, at), new URLSearchParams(hash.slice(at + 1))];
}

export function readHashParam(name: string): string {
  return split()[1].get(name) ?? '';
}

export function writeHashParams(values: Record<string, string | number | undefined | null>): void {
  const [path, params] = split();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') params.delete(k);
    else params.set(k, String(v));
  }
  const query = params.toString();
  const next = `${path || '#/'}${query ? `?${query}` : ''}`;
  if (next !== window.location.hash) window.history.replaceState(window.history.state, '', next);
}
