// Why a store variant is not connected, in the seller's words.
import type { MessageKey } from '@/lib/i18n';
import type { ConnectReason } from './types';

export const REASONS: ConnectReason[] = ['no_matching_sku', 'empty_sku', 'ambiguous_sku', 'disconnected'];

export const REASON_TAG: Record<ConnectReason, MessageKey> = {
  no_matching_sku: 'unc_reason_no_matching_sku',
  empty_sku: 'unc_reason_empty_sku',
  ambiguous_sku: 'unc_reason_ambiguous_sku',
  disconnected: 'unc_reason_disconnected',
};

export const REASON_SENTENCE: Record<ConnectReason, MessageKey> = {
  no_matching_sku: 'unc_why_no_matching_sku',
  empty_sku: 'unc_why_empty_sku',
  ambiguous_sku: 'unc_why_ambiguous_sku',
  disconnected: 'unc_why_disconnected',
};

export const REASON_COLOR: Record<ConnectReason, string> = {
  no_matching_sku: 'orange',
  empty_sku: 'red',
  ambiguous_sku: 'gold',
  disconnected: 'default',
};
