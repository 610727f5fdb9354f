// The shapes the module's pages get from the background.
import type { CommandOutput } from '@/lib/commands/client';

export type Listing = CommandOutput<'storeProducts.list'>['items'][number];
export type ListingVariant = Listing['variants'][number];
export type ListingStatus = 'active' | 'inactive' | 'deleted' | 'pending' | 'rejected' | 'gone';
export type SyncStatus = Listing['syncStatus'];
export type UnconnectedVariant = CommandOutput<'storeVariants.list'>['items'][number];
export type ConnectReason = NonNullable<UnconnectedVariant['reason']>;
