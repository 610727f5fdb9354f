// Shopify admin URLs (CONSOLES.md): admin.shopify.com/store/{handle}/products[/{id}], or the
// legacy {shop}.myshopify.com/admin/products[/{id}]. The handle names the shop.
import { SHOPIFY_SHOP_SUFFIX } from '../../platforms/shopify/profile';
import type { ConsolePage, Located } from '../page';

export function parseShopify(at: Located, host: string): ConsolePage {
  const modern = /^\/store\/([a-z0-9][a-z0-9-]*)\/products(?:\/(\d+))?\/?$/.exec(at.path);
  const legacy = /^\/admin\/products(?:\/(\d+))?\/?$/.exec(at.path);
  const handle = modern?.[1] ?? (legacy && host.endsWith(SHOPIFY_SHOP_SUFFIX) ? host.slice(0, -SHOPIFY_SHOP_SUFFIX.length) : null);
  const id = modern?.[2] ?? legacy?.[1] ?? null;
  return {
    platform: 'shopify',
    shopHint: handle ? `${handle}${SHOPIFY_SHOP_SUFFIX}` : null,
    kind: modern || legacy ? (id ? 'product' : 'list') : 'other',
    platformItemId: id ? `gid://shopify/Product/${id}` : null,
  };
}
