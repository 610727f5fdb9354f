// The sync status of each listing: on a row (and beside a product page's title) the icon — the
// bolt says whether the listing is on auto sync, the dot how its last sync ended, the tooltip
// explains (../StatusIcon.tsx) — also on rows of listings Shelfsync does not have; on a
// variant's own line (Shopee's models) that variant's dot, amber when it is not connected.
// Background half: console.status (lib/consoles/background/commands.ts), asked by the runtime's
// status feed for every row found.
import { StatusIcon } from '../StatusIcon';
import { definePageFeature, type Variant } from './define';

/** A variant's dot: the last result, amber when the variant is not connected (never pushed). */
function dotOf(v: Variant): string {
  if (!v.systemSku) return 'partial';
  return v.lastSync ? (v.lastSync.status === 'failed' ? 'failed' : v.lastSync.status === 'pending' ? 'pending' : 'success') : 'never';
}

export const statusIcon = definePageFeature({
  id: 'statusIcon',
  row: ({ status, identity }) => <StatusIcon status={status} identity={identity} />,
  unknownRow: ({ identity }) => <StatusIcon status={null} identity={identity} />,
  variant: ({ variant, summary }) => (
    <span className="ss-icon" role="img" data-shelfsync="variant-status" data-status={dotOf(variant)} aria-label={summary} title={summary}>
      <span className="ss-dot" data-status={dotOf(variant)} />
    </span>
  ),
});
