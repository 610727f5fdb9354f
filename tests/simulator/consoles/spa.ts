// The small client-side runtime shared by the single-page consoles (Shopee, Lazada, TikTok Shop,
// Shopify). It behaves like a SPA router, which is what matters to a content script:
//  - in-app links (and pager buttons carrying `data-nav`) are handled with history.pushState and
//    a client-side re-render of the app root — no page load, so the content script is NOT
//    re-injected and must notice the URL change itself (it cannot see pushState from its
//    isolated world);
//  - every render fetches the page's data (here: the server-rendered HTML of the new URL, parsed
//    with DOMParser — inert, nothing in it runs) and swaps the root's children after a short
//    delay, as a SPA does after its XHR. This also happens once right after the first load, so the
//    server-rendered rows are replaced by fresh nodes: anything decorated before is gone;
//  - back/forward (popstate) re-render; `canonical` rewrites the URL with history.replaceState.
// `window.__simConsole` exposes counters for tests (renders, navigations, busy, errors).
import { safeJson } from './common.ts';

export interface SpaConfig {
  /** CSS selector of the app root whose children are re-rendered. */
  root: string;
  /** Path prefix of in-app URLs (e.g. "/console/shopee/"). */
  prefix: string;
  /** Simulated data latency before a render (ms). */
  delay: number;
  /** When set and different from the current path+query: history.replaceState to it on load. */
  canonical?: string;
}

const RUNTIME = `(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('sim-console-config').textContent);
  var st = window.__simConsole = { renders: 0, navigations: 0, busy: true, errors: [], hooks: [] };
  window.addEventListener('error', function (e) { st.errors.push(String(e.message)); });
  var seq = 0;
  function root() { return document.querySelector(cfg.root); }
  function wait(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function render(href) {
    var my = ++seq;
    st.busy = true;
    var r0 = root();
    if (r0) r0.setAttribute('aria-busy', 'true');
    return fetch(href, { credentials: 'same-origin', headers: { 'x-requested-with': 'XMLHttpRequest' } })
      .then(function (res) { return res.text(); })
      .then(function (text) {
        return wait(cfg.delay).then(function () {
          if (my !== seq) return;
          var doc = new DOMParser().parseFromString(text, 'text/html');
          var next = doc.querySelector(cfg.root);
          var cur = root();
          if (!next || !cur) { location.assign(href); return; }
          var nodes = [];
          for (var i = 0; i < next.childNodes.length; i++) nodes.push(document.importNode(next.childNodes[i], true));
          cur.replaceChildren.apply(cur, nodes);
          for (var j = 0; j < next.attributes.length; j++) cur.setAttribute(next.attributes[j].name, next.attributes[j].value);
          cur.removeAttribute('aria-busy');
          document.title = doc.title;
          st.renders++;
          st.busy = false;
          st.hooks.forEach(function (h) { try { h(); } catch (e) { st.errors.push(String(e)); } });
        });
      })
      .catch(function (e) { st.errors.push(String(e)); });
  }
  function navigate(href, replace) {
    if (replace) history.replaceState(null, '', href); else history.pushState(null, '', href);
    st.navigations++;
    return render(location.href);
  }
  st.navigate = navigate;
  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var t = e.target;
    if (!t || !t.closest) return;
    var nav = t.closest('[data-nav]');
    var a = t.closest('a[href]');
    var href = nav ? nav.getAttribute('data-nav') : (a && !a.target ? a.getAttribute('href') : null);
    if (!href) return;
    var u = new URL(href, location.href);
    if (u.origin !== location.origin || u.pathname.indexOf(cfg.prefix) !== 0) return;
    e.preventDefault();
    navigate(u.href);
  });
  window.addEventListener('popstate', function () { render(location.href); });
  if (cfg.canonical && cfg.canonical !== location.pathname + location.search) history.replaceState(null, '', cfg.canonical);
  render(location.href);
})();`;

/** The config + runtime + a console's own behaviours (event delegation, survives re-renders). */
export function spaScripts(cfg: SpaConfig, behaviours: string): string {
  return `<script type="application/json" id="sim-console-config">${safeJson(cfg)}</script>
<script>${RUNTIME}</script>
<script>(function () { 'use strict';
${behaviours}
})();</script>`;
}
