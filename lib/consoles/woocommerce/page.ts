// WooCommerce wp-admin URLs (CONSOLES.md): edit.php?post_type=product, post.php?post={ID}&action=edit.
// The site itself (origin + path before /wp-admin) names the shop.
import type { ConsolePage, Located } from '../page';

export function parseWoo(at: Located): ConsolePage | null {
  const i = at.path.indexOf('/wp-admin/');
  if (i < 0) return null;
  const rest = at.path.slice(i);
  const site = `${at.origin}${at.path.slice(0, i)}`;
  const list = rest === '/wp-admin/edit.php' && at.search.get('post_type') === 'product';
  const post = rest === '/wp-admin/post.php' && at.search.get('action') === 'edit' ? at.search.get('post') : null;
  return {
    platform: 'woocommerce',
    shopHint: site,
    kind: list ? 'list' : post ? 'product' : 'other',
    platformItemId: post && /^\d+$/.test(post) ? post : null,
  };
}
