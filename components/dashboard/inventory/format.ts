// How inventory pages write numbers and times.
export function formatTime(ms: number | null | undefined): string {
  return ms ? new Date(ms).toLocaleString() : '';
}

export function formatNumber(n: number | null | undefined, fractionDigits?: number): string {
  if (n === null || n === undefined) return '';
  return n.toLocaleString(undefined, fractionDigits === undefined ? undefined : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
}

/** The page sizes every inventory table offers. */
export const PAGE_SIZES = [20, 50, 100, 200];
