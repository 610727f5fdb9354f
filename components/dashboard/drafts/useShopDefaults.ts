// A draft made before its store's channels or warehouses were read has none: once the edit page
// has read them, it fills the store's defaults (every channel the Shopee shop has enabled, the
// TikTok shop's default sales warehouse), once, as an ordinary change that autosaves. A seller
// who then clears them is not overruled.
import { useEffect, useRef } from 'react';
import { defaultChannels, defaultWarehouse } from './DestinationPickers';
import type { DraftFields } from './types';
import type { DestinationCatalog } from './useDestinationCatalog';

export function useShopDefaults(catalog: DestinationCatalog, values: DraftFields | undefined, publishing: boolean, change: (fn: (latest: DraftFields) => DraftFields) => void): void {
  const done = useRef({ channels: false, warehouse: false });
  const loaded = !!values && !publishing;
  useEffect(() => {
    if (!loaded || done.current.channels || !catalog.channels) return;
    done.current.channels = true;
    const ids = defaultChannels(catalog.channels);
    if (ids.length) change((latest) => (latest.logisticsChannelIds?.length ? latest : { ...latest, logisticsChannelIds: ids }));
  }, [loaded, catalog.channels]);
  useEffect(() => {
    if (!loaded || done.current.warehouse || !catalog.warehouses) return;
    done.current.warehouse = true;
    const id = defaultWarehouse(catalog.warehouses);
    if (id) change((latest) => (latest.warehouseId ? latest : { ...latest, warehouseId: id }));
  }, [loaded, catalog.warehouses]);
}
