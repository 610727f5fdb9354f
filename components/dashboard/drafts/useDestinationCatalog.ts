// What the edit page knows of the destination's catalogue (catalog.*): the draft's category with
// its path and the suggestions (catalog.suggestCategory), the chosen leaf's attributes and brand
// rule, Shopee's channels and TikTok's warehouses — and from them the KnownCatalog the page checks
// the draft against as the seller types (the same rules the background answers with, fields.ts).
import { useMemo } from 'react';
import type { CategoryNode, KnownCatalog } from '@/lib/catalog/catalog';
import { call, type CommandOutput } from '@/lib/commands/client';
import type { Platform } from '@/lib/platforms/types';
import { useCommandQuery } from '@/components/common/useCommandQuery';

export type Suggestion = CommandOutput<'catalog.suggestCategory'>;
export type Attributes = Extract<CommandOutput<'catalog.attributes'>, { supported: true }>;
export type Channels = CommandOutput<'catalog.logistics'>['items'];
export type Warehouses = CommandOutput<'catalog.warehouses'>['items'];

/** A category as the picker holds it once chosen or read. */
export interface PickedCategory { id: string; name: string; path: string[]; leaf: boolean }

export interface DestinationCatalog {
  /** The store's platform has a catalogue (Shopee, Lazada, TikTok) and it could be read. */
  supported: boolean;
  /** Why the category list could not be read (the page falls back to typed ids). */
  error: string | null;
  loading: boolean;
  suggestion: Suggestion | undefined;
  attributes: Attributes | undefined;
  attributesError: string | null;
  channels: Channels | undefined;
  warehouses: Warehouses | undefined;
  known: KnownCatalog;
}

const MARKETPLACES = new Set<Platform>(['shopee', 'lazada', 'tiktok']);

/** `picked`: the category chosen on this page (its path known without asking again). */
export function useDestinationCatalog(draftId: number, storeId: number, platform: Platform, categoryId: string | null, picked: PickedCategory | null): DestinationCatalog {
  const market = MARKETPLACES.has(platform);
  const suggestion = useCommandQuery(() => (market ? call('catalog.suggestCategory', { draftId }) : Promise.resolve(undefined)), [draftId, market]);
  const supported = market && suggestion.data?.supported === true;
  const cid = categoryId?.trim() || null;
  const node: PickedCategory | null = picked && picked.id === cid ? picked : suggestion.data?.current?.id === cid ? suggestion.data!.current : null;
  const leaf = !!node?.leaf;
  const attributes = useCommandQuery(
    () => (supported && cid && leaf ? call('catalog.attributes', { storeId, categoryId: cid }) : Promise.resolve(undefined)),
    [storeId, supported, cid, leaf],
  );
  const channels = useCommandQuery(() => (supported && platform === 'shopee' ? call('catalog.logistics', { storeId }) : Promise.resolve(undefined)), [storeId, supported, platform]);
  const warehouses = useCommandQuery(() => (supported && platform === 'tiktok' ? call('catalog.warehouses', { storeId }) : Promise.resolve(undefined)), [storeId, supported, platform]);
  const rules = attributes.data?.supported ? attributes.data : undefined;
  const known = useMemo<KnownCatalog>(() => {
    if (!supported) return {};
    const out: KnownCatalog = {};
    // Only the category on screen is known here: a tree of that one node says no more than it knows.
    if (node) {
      const n: CategoryNode = { id: node.id, name: node.name, path: node.path, leaf: node.leaf, parentId: null };
      out.tree = { list: [n], byId: new Map([[n.id, n]]) };
      if (rules) out.rules = { attributes: rules.items, brand: rules.brand };
    }
    if (channels.data?.supported) out.channels = channels.data.items;
    if (warehouses.data?.supported) out.warehouses = warehouses.data.items;
    return out;
  }, [supported, node?.id, node?.leaf, rules, channels.data, warehouses.data]);
  return {
    supported,
    error: market ? suggestion.error : null,
    loading: market && suggestion.loading && !suggestion.data,
    suggestion: suggestion.data,
    attributes: rules,
    attributesError: attributes.error,
    channels: channels.data?.supported ? channels.data.items : undefined,
    warehouses: warehouses.data?.supported ? warehouses.data.items : undefined,
    known,
  };
}
