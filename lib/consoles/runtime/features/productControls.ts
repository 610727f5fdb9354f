// On a listing's own page (Shopee /portal/product/{id}, Shopify /products/{id}, …): the same
// controls once, beside the page title, for the listing the URL names (the features whose entry
// mounts them on rows and lists product pages).
import { switchesAt } from '../../features';
import { createHost } from '../mount';
import { defineFeature } from '../registry';
import type { Slot } from '../state';

let seq = 0;

export const productControls = defineFeature({
  id: 'product-controls',
  switches: switchesAt('row', 'product'),
  kinds: ['product'],
  needs: 'store',
  init(signal, v) {
    const id = v.identity.console?.platformItemId;
    if (!id) return false;
    let slot: Slot | null = null;
    const ensure = () => {
      if (slot?.host.isConnected) return;
      const mount = v.reader.productMount(document);
      if (!mount) return;
      const made = createHost(v.reader.platform, 'product', mount, id);
      slot = { key: `p${++seq}`, id, kind: 'product', ...made };
      const s = slot;
      v.commit(() => v.state.set({ slots: [s] }));
      v.feed.want([id]);
    };
    v.watcher.watch(signal, ensure);
    signal.addEventListener('abort', () => {
      slot?.host.remove();
      v.state.set({ slots: [] });
    }, { once: true });
    ensure();
  },
});
