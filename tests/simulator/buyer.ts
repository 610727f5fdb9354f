// The demo buyer (GET /__sim/buyer): a page of the demo marketplace where a newcomer plays a
// buyer — pick a shop, a listing and a quantity, Buy — and then ships, cancels or returns the
// order, to watch a sale travel: the platform lowers its own number at once, Shelfsync sees the
// order at its next check and pushes the new number to the other stores ("Where … stands").
// Plain forms posting to /__sim/buyer/order and /__sim/buyer/status, which go through the same
// placeOrder/setOrderStatus as the control API; each answers with a redirect back to the page
// (so a reload never buys twice) carrying only ids, looked up again here. Everything printed
// goes through escapeHtml: titles, SKUs and shop names are seller data and may be hostile.
import { shopInfo } from './control.ts';
import { formParams, type Ctx, type SimResponse } from './http.ts';
import { type NeutralStatus, placeOrder, setOrderStatus, type SimOrder } from './orders.ts';
import type { Shop, SimState } from './state.ts';
import { escapeHtml as esc, isPlatform } from './util.ts';

export const BUYER_PATH = '/__sim/buyer';
/** Listings offered in the picker; a bench shop has thousands (?sku= still picks any). */
const MAX_LISTINGS = 1000;
const RECENT_ORDERS = 20;
const TRAVEL_EVENTS = 12;

/** What a buyer (or the seller, for shipping) can do next with an order in each status. */
const ACTIONS: Record<NeutralStatus, { to: NeutralStatus; label: string }[]> = {
  unpaid: [{ to: 'paid', label: 'Pay' }, { to: 'cancelled', label: 'Cancel' }],
  paid: [{ to: 'shipped', label: 'Ship' }, { to: 'cancelled', label: 'Cancel' }],
  shipped: [{ to: 'delivered', label: 'Deliver' }, { to: 'returned', label: 'Return' }],
  delivered: [{ to: 'returned', label: 'Return' }],
  cancelled: [],
  returned: [],
};

const buyerUrl = (params: Record<string, string>): string => `${BUYER_PATH}?${new URLSearchParams(params).toString()}`;
const seeOther = (location: string): SimResponse => ({ status: 303, headers: { location, 'cache-control': 'no-store' }, body: '', contentType: 'text/plain' });
const htmlPage = (status: number, body: string): SimResponse => ({ status, body, contentType: 'text/html; charset=utf-8', headers: { 'cache-control': 'no-store' } });

/** Routes under /__sim/buyer (`sub` is the rest of the path). */
export function handleBuyer(ctx: Ctx, sub: string): SimResponse {
  const method = ctx.req.method;
  if ((sub === '' || sub === '/') && (method === 'GET' || method === 'HEAD')) return buyerPage(ctx);
  if (sub === '/order' && method === 'POST') return buy(ctx);
  if (sub === '/status' && method === 'POST') return move(ctx);
  return htmlPage(404, `<!doctype html><title>Not found</title><p>No demo buyer page ${esc(method)} ${esc(sub)}. <a href="${BUYER_PATH}">Demo buyer</a></p>`);
}

function buy(ctx: Ctx): SimResponse {
  const f = formParams(ctx.req) ?? new URLSearchParams();
  const shop = ctx.state.shops.get(f.get('shopId') ?? '');
  if (!shop) return seeOther(buyerUrl({ error: 'no_shop' }));
  const sku = f.get('sku') ?? '';
  const quantity = Number(f.get('quantity'));
  const back = { shopId: shop.shopId, sku };
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10_000) return seeOther(buyerUrl({ ...back, error: 'bad_quantity' }));
  const status = f.get('status') === 'unpaid' ? 'unpaid' : 'paid';
  const r = placeOrder(ctx.state, shop, [{ sellerSku: sku, quantity }], status);
  if ('error' in r) return seeOther(buyerUrl({ ...back, error: r.error, quantity: String(quantity) }));
  return seeOther(buyerUrl({ ...back, placed: r.order.orderId }));
}

function move(ctx: Ctx): SimResponse {
  const f = formParams(ctx.req) ?? new URLSearchParams();
  const shop = ctx.state.shops.get(f.get('shopId') ?? '');
  if (!shop) return seeOther(buyerUrl({ error: 'no_shop' }));
  const order = shop.orders.byId.get(f.get('orderId') ?? '');
  const sku = f.get('sku') ?? '';
  if (!order) return seeOther(buyerUrl({ shopId: shop.shopId, sku, error: 'no_order' }));
  const to = f.get('status') as NeutralStatus;
  const allowed = ACTIONS[order.status].some((a) => a.to === to);
  const r = allowed ? setOrderStatus(ctx.state, shop, order, to) : { error: 'invalid_transition' as const };
  if ('error' in r) return seeOther(buyerUrl({ shopId: shop.shopId, sku, order: order.orderId, error: r.error }));
  return seeOther(buyerUrl({ shopId: shop.shopId, sku, moved: order.orderId }));
}

/** The listings of a shop as the picker offers them: seller SKU, title, the platform's stock. */
function listings(shop: Shop): { sku: string; title: string; stock: number }[] {
  const out: { sku: string; title: string; stock: number }[] = [];
  for (const it of shop.items.all()) {
    if (it.gone) continue;
    for (const v of it.variants) {
      if (out.length >= MAX_LISTINGS) return out;
      if (v.sellerSku) out.push({ sku: v.sellerSku, title: it.title, stock: v.stock.reduce((a, b) => a + b, 0) });
    }
  }
  return out;
}

const linesText = (o: SimOrder): string => o.lines.map((l) => `${l.quantity} × ${l.sellerSku}`).join(', ');
const timeText = (ms: number): string => new Date(ms).toISOString().slice(11, 19);

/** The message after a Buy or a status change: from ids and codes only, looked up here. */
function notice(state: SimState, shop: Shop | undefined, q: URLSearchParams): string {
  const say = (kind: 'ok' | 'refused', text: string) => `<p class="notice ${kind}" role="status" data-sim="notice" data-kind="${kind}">${text}</p>`;
  const placed = shop?.orders.byId.get(q.get('placed') ?? '');
  if (shop && placed) {
    const l = placed.lines[0];
    const now = l ? shop.items.bySku(l.sellerSku)[0]?.variant.stock.reduce((a, b) => a + b, 0) : undefined;
    return say('ok', `Order <b>${esc(placed.name)}</b> placed on ${esc(shop.name)}: ${esc(linesText(placed))}.${now === undefined ? '' : ` The platform lowered its stock at once: it now shows <b>${now}</b>.`} Shelfsync sees the order at its next order check (every 30 seconds) and pushes the new number to your other stores — watch it below.`);
  }
  const moved = shop?.orders.byId.get(q.get('moved') ?? '');
  if (moved) return say('ok', `Order <b>${esc(moved.name)}</b> is now <b>${esc(moved.status)}</b>.`);
  switch (q.get('error')) {
    case null:
      return '';
    case 'out_of_stock':
      return say('refused', `The platform refused the order: ${esc(q.get('sku') ?? '')} has fewer than ${esc(q.get('quantity') ?? '')} in stock there. A refused order is not a sale — nothing changes.`);
    case 'unknown_sku':
      return say('refused', `${esc(shop?.name ?? 'This shop')} has no listing with seller SKU ${esc(q.get('sku') ?? '')}.`);
    case 'bad_quantity':
      return say('refused', 'The quantity must be a whole number from 1 to 10,000.');
    case 'invalid_transition':
      return say('refused', 'That order cannot move to that status any more (it changed in the meantime).');
    case 'no_shop':
      return say('refused', 'That shop is not in the demo marketplace (it keeps shops in memory; a restart empties it).');
    case 'no_order':
      return say('refused', 'That order is not in this shop.');
    default:
      return say('refused', 'The platform refused that.');
  }
}

/** The last numbers each shop's platform showed for `sku`: a buyer's order, or a stock call (Shelfsync's push). */
function travel(state: SimState, sku: string): string {
  if (!sku) return '<p class="muted">Pick a listing to follow its number on every shop.</p>';
  const rows: string[] = [];
  const events: { at: number; shop: Shop; stock: number; order: boolean }[] = [];
  for (const shop of state.shops.values()) {
    const ref = shop.items.bySku(sku)[0];
    if (!ref) continue;
    rows.push(`<tr data-sim="travel-shop" data-shop-id="${esc(shop.shopId)}"><td>${esc(shop.name)}</td><td>${esc(shop.platform)}</td><td class="num" data-sim="travel-stock">${ref.variant.stock.reduce((a, b) => a + b, 0)}</td></tr>`);
    const ev = shop.stockEvents;
    // Newest first, looking back a bounded way (a benchmark shop holds a million events).
    for (let i = ev.length - 1, seen = 0; i >= 0 && seen < TRAVEL_EVENTS && ev.length - i < 50_000; i--) {
      const e = ev[i]!;
      if (e.sellerSku !== sku) continue;
      seen++;
      events.push({ at: e.at, shop, stock: e.stock, order: e.source === 'order' });
    }
  }
  if (!rows.length) return `<p class="muted">No shop lists ${esc(sku)}.</p>`;
  events.sort((a, b) => b.at - a.at);
  const log = events.slice(0, TRAVEL_EVENTS).map((e) => `<li data-sim="travel-event"><time>${timeText(e.at)}</time> ${esc(e.shop.name)} shows <b>${e.stock}</b> — ${e.order ? "a buyer's order (or its cancellation) on the platform" : 'a stock update call (Shelfsync pushing)'}</li>`);
  return `<table><thead><tr><th>Shop</th><th>Platform</th><th class="num">Stock on the platform now</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<h3>Latest changes of ${esc(sku)} (UTC)</h3>${log.length ? `<ol class="events">${log.join('')}</ol>` : '<p class="muted">No changes yet.</p>'}`;
}

function ordersTable(shop: Shop, sku: string): string {
  const recent = shop.orders.byUpdate.slice(-RECENT_ORDERS).reverse();
  if (!recent.length) return '<p class="muted" data-sim="no-orders">No orders in this shop yet.</p>';
  const rows = recent.map((o) => {
    const buttons = ACTIONS[o.status]
      .map((a) => `<form method="post" action="${BUYER_PATH}/status"><input type="hidden" name="shopId" value="${esc(shop.shopId)}"><input type="hidden" name="orderId" value="${esc(o.orderId)}"><input type="hidden" name="sku" value="${esc(sku)}"><button name="status" value="${esc(a.to)}" data-sim="order-action" data-action="${esc(a.to)}">${esc(a.label)}</button></form>`)
      .join('');
    return `<tr data-sim="order" data-order-id="${esc(o.orderId)}" data-status="${esc(o.status)}"><td>${esc(o.name)}</td><td>${esc(linesText(o))}</td><td>${esc(o.status)}</td><td>${timeText(o.updatedAt)}</td><td class="actions">${buttons}</td></tr>`;
  });
  return `<table><thead><tr><th>Order</th><th>Lines</th><th>Status</th><th>Changed (UTC)</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const CSS = `body{font:14px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#f6f7f9}header{background:#1f3b57;color:#fff;padding:14px 28px}header h1{margin:0;font-size:20px}
main{max-width:1000px;margin:0 auto;padding:8px 28px 40px}section{background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:14px 18px;margin:16px 0}
h2{font-size:16px;margin:0 0 8px}h3{font-size:14px;margin:14px 0 6px}label{display:inline-block;margin:4px 14px 4px 0}select,input,button{font:inherit;padding:4px 6px}
button{cursor:pointer}.buy{background:#ee4d2d;color:#fff;border:0;border-radius:4px;padding:6px 18px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #eee;vertical-align:top}
.num{text-align:right}.actions form{display:inline;margin-right:4px}.muted{color:#666}.notice{padding:8px 12px;border-radius:6px}.ok{background:#e8f5e9}.refused{background:#fdecea}
.events{padding-left:20px;margin:0}.events time{font-family:monospace;color:#555}`;

// Keeps the live parts current without a reload (a reload would lose what is typed in the form).
const LIVE = `setInterval(function () {
  fetch(location.href, { cache: 'no-store' }).then(function (r) { return r.text(); }).then(function (t) {
    var next = new DOMParser().parseFromString(t, 'text/html');
    document.querySelectorAll('[data-live]').forEach(function (el) {
      var fresh = next.querySelector('[data-live="' + el.getAttribute('data-live') + '"]');
      if (fresh) el.innerHTML = fresh.innerHTML;
    });
  }).catch(function () {});
}, 3000);`;

function buyerPage(ctx: Ctx): SimResponse {
  const { state } = ctx;
  const q = ctx.req.query;
  const shops = [...state.shops.values()];
  const platform = q.get('platform');
  const shop = state.shops.get(q.get('shopId') ?? '') ?? shops.find((s) => isPlatform(platform) && s.platform === platform) ?? shops[0];
  const offered = shop ? listings(shop) : [];
  const sku = q.get('sku') && shop?.items.bySku(q.get('sku')!)[0] ? q.get('sku')! : (offered.find((l) => l.stock > 0)?.sku ?? offered[0]?.sku ?? '');
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Demo buyer — demo marketplace</title><meta name="viewport" content="width=device-width, initial-scale=1"><style>${CSS}</style></head>
<body><header><h1>Demo marketplace — place a buyer's order</h1></header><main>`;
  if (!shop) {
    return htmlPage(200, `${head}<section data-sim="no-shops"><p>The demo marketplace has no shops yet. <code>npm start</code> makes one per platform; or <code>POST /__sim/shops</code>.</p></section></main></body></html>`);
  }
  const info = shopInfo(state, shop);
  const shopOptions = shops.map((s) => `<option value="${esc(s.shopId)}"${s === shop ? ' selected' : ''}>${esc(s.name)} (${esc(s.platform)})</option>`).join('');
  const skuOptions = offered.map((l) => `<option value="${esc(l.sku)}"${l.sku === sku ? ' selected' : ''}>${esc(l.sku)} — ${esc(l.title)} — ${l.stock} in stock</option>`).join('');
  const body = `${notice(state, shop, q)}
<section><p>You are a buyer. Buy from one of the demo shops and the platform lowers its own stock at once, as Shopee, Lazada, TikTok Shop, Shopify and WooCommerce do. Shelfsync learns of the sale at its next order check (every 30 seconds, or sooner before it pushes to that store), holds the units in the store's order warehouse and pushes the lower number to every other store that lists the product. Ship, cancel or return the order below and watch the numbers follow; the dashboard's Orders page shows the same orders from Shelfsync's side.</p></section>
<section><h2>1. Shop</h2><form method="get" action="${BUYER_PATH}" data-sim="shop-form"><label>Shop <select name="shopId" data-sim="shop" onchange="this.form.submit()">${shopOptions}</select></label><noscript><button>Show</button></noscript>
<a href="${esc(String(info.consoleUrl))}" target="_blank" rel="noopener">Open ${esc(shop.name)}'s seller console</a></form></section>
<section><h2>2. Buy</h2><form method="post" action="${BUYER_PATH}/order" data-sim="buy-form"><input type="hidden" name="shopId" value="${esc(shop.shopId)}">
<label>Listing <select name="sku" data-sim="sku">${skuOptions}</select></label>
<label>Quantity <input type="number" name="quantity" value="1" min="1" max="10000" required data-sim="quantity"></label>
<label>Payment <select name="status" data-sim="payment"><option value="paid" selected>paid</option><option value="unpaid">not paid yet</option></select></label>
<button class="buy" data-sim="buy">Buy</button></form>${offered.length >= MAX_LISTINGS ? `<p class="muted">The first ${MAX_LISTINGS} listings are offered.</p>` : ''}</section>
<section><h2>Where ${esc(sku || 'a listing')} stands on every shop</h2><div data-live="travel" data-sim="travel">${travel(state, sku)}</div></section>
<section><h2>3. Recent orders of ${esc(shop.name)}</h2><div data-live="orders">${ordersTable(shop, sku)}</div></section>`;
  return htmlPage(200, `${head}${body}</main><script>${LIVE}</script></body></html>`);
}

/** The console pages' link to this page (ORDERS demo): in the page header, or WordPress's admin
 *  bar. Only full HTML pages of a known shop get it; fragments (admin-ajax rows) stay as they are. */
export function withBuyerLink(res: SimResponse, shop: Shop | undefined): SimResponse {
  if (!shop || typeof res.body !== 'string' || !res.contentType?.startsWith('text/html') || !res.body.includes('<body')) return res;
  const href = esc(buyerUrl({ shopId: shop.shopId }));
  const style = 'margin:0 12px;padding:3px 10px;border-radius:12px;background:#2a7ae2;color:#fff;font:600 12px/20px system-ui,sans-serif;text-decoration:none;white-space:nowrap;align-self:center';
  const link = `<a href="${href}" data-sim="demo-buyer" target="_blank" rel="noopener" style="${style}">Demo: place a buyer's order</a>`;
  const html = res.body;
  let out: string;
  const wpBar = html.indexOf('id="wp-admin-bar-root-default"');
  if (html.includes('</header>')) out = html.replace('</header>', () => `${link}</header>`);
  else if (wpBar >= 0) {
    const end = html.indexOf('</ul>', wpBar);
    out = `${html.slice(0, end)}<li id="wp-admin-bar-demo-buyer">${link}</li>${html.slice(end)}`;
  } else out = html.replace(/<body[^>]*>/, (m) => `${m}<div style="padding:4px 0;background:#eef4fc">${link}</div>`);
  return { ...res, body: out };
}
