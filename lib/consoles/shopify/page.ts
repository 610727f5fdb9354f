// Shopify admin URLs (CONSOLES.md): admin.shopify.com/store/{handle}/products[/{id}], or the
// legacy {shop}.myshopify.com/admin/products[/{id}]. The handle names the shop.
import type { ConsolePage, Located } from '../types';

export function parseShopify(at: Located, host: string): ConsolePage {
  const modern = /^\/store\/([a-z0-9][a-z0-9-]*)\/products(?:\/(\d+))?\/?$/.exec(at.path);
  const legacy = /^\/admin\/products(?:\/(\d+))?\/?$/.exec(at.path);
  const handle = modern?.[1] ?? (legacy && host.endsWith('.myshopify.com') ? host.slice(0, -'.myshopify.com'.length) : null);
  const id = modern?.[2] ?? legacy?.[1] ?? null;
  return {
    platform: 'shopify',
    shopHint: handle ? `${handle}.myshopify.com` : null,
    kind: modern || legacy ? (id ? 'product' : 'list') : 'other',
    platformItemId: id ? `gid://shopify/Product/${id}` : null,
  };
}
