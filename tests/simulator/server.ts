// The platform simulator's HTTP server: routing, body reading, logging, clean shutdown.
// Node's built-in http only. See SIMULATOR.md for the URL layout.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { handleAuthPage, handleApprove } from './auth-pages.ts';
import { handleBuyer, withBuyerLink } from './buyer.ts';
import { handleControl } from './control.ts';
import { serveImage } from './media.ts';
import { handleConsole, handleConsoleControl } from './consoles/index.ts';
import type { Ctx, SimRequest, SimResponse } from './http.ts';
import { handleLazada } from './platforms/lazada.ts';
import { handleShopee } from './platforms/shopee.ts';
import { handleShopify } from './platforms/shopify.ts';
import { handleTiktok, handleTiktokToken } from './platforms/tiktok.ts';
import { handleWoo } from './platforms/woocommerce.ts';
import { SimState } from './state.ts';
import { type Platform, safeDecode } from './util.ts';

export interface Simulator {
  url: string;
  port: number;
  state: SimState;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

function route(ctx: Ctx, path: string): Promise<SimResponse> | SimResponse {
  const m = (re: RegExp): RegExpExecArray | null => re.exec(path);
  let r: RegExpExecArray | null;
  if (path === '/__sim/auth/approve') return handleApprove(ctx);
  if ((r = m(/^\/__sim\/buyer(\/.*)?$/))) return handleBuyer(ctx, r[1] ?? '');
  if ((r = m(/^\/__sim\/consoles(\/.*)?$/))) return handleConsoleControl(ctx, r[1] ?? '/');
  // Images: the sources clones start from, and what each marketplace (or a WordPress site) hosts.
  if (/^\/__sim\/images\/[^/]+$/.test(path) || path.startsWith('/media/') || /^\/woocommerce\/[^/]+\/wp-content\/uploads\//.test(path)) return serveImage(ctx, path);
  if ((r = m(/^\/__sim(\/.*)?$/))) {
    ctx.platform = 'control';
    ctx.sub = r[1] ?? '/';
    return handleControl(ctx);
  }
  const plat = (p: Platform, sub: string): void => {
    ctx.platform = p;
    ctx.sub = sub;
  };
  if ((r = m(/^\/shopee(\/.*)$/))) {
    plat('shopee', r[1]!);
    if (r[1] === '/api/v2/shop/auth_partner') return handleAuthPage(ctx, 'shopee');
    return handleShopee(ctx);
  }
  if ((r = m(/^\/lazada\/auth\/oauth\/authorize\/?$/))) {
    plat('lazada', '/oauth/authorize');
    return handleAuthPage(ctx, 'lazada');
  }
  if ((r = m(/^\/lazada\/(?:auth\/)?rest(\/.*)$/))) {
    plat('lazada', r[1]!);
    return handleLazada(ctx);
  }
  if ((r = m(/^\/tiktok\/services\/open\/authorize\/?$/))) {
    plat('tiktok', '/open/authorize');
    return handleAuthPage(ctx, 'tiktok');
  }
  if ((r = m(/^\/tiktok\/auth(\/.*)$/))) {
    plat('tiktok', r[1]!);
    return handleTiktokToken(ctx);
  }
  if ((r = m(/^\/tiktok(\/.*)$/))) {
    plat('tiktok', r[1]!);
    return handleTiktok(ctx);
  }
  if ((r = m(/^\/shopify\/([^/]+)(\/.*)?$/))) {
    plat('shopify', r[2] ?? '/');
    if (ctx.sub === '/admin/oauth/authorize') return handleAuthPage(ctx, 'shopify', safeDecode(r[1]!));
    return handleShopify(ctx, safeDecode(r[1]!));
  }
  if ((r = m(/^\/woocommerce\/([^/]+)(\/.*)?$/))) {
    plat('woocommerce', r[2] ?? '/');
    if (ctx.sub === '/wp-admin/authorize-application.php') return handleAuthPage(ctx, 'woocommerce', safeDecode(r[1]!));
    return handleWoo(ctx, safeDecode(r[1]!));
  }
  // Every console page of a known shop links the demo buyer (consoles set ctx.shop when they resolve it).
  if (path.startsWith('/console/')) return withBuyerLink(handleConsole(ctx, path.slice('/console'.length)), ctx.shop);
  if (path === '/' || path === '') {
    return { status: 200, body: { simulator: 'shelfsync', shops: [...ctx.state.shops.keys()] } };
  }
  return { status: 404, body: { error: 'not_found', message: `No simulator route for ${path}` } };
}

function send(res: ServerResponse, r: SimResponse): void {
  if (res.writableEnded || res.destroyed) return;
  let payload: string | Buffer;
  let type = r.contentType;
  if (Buffer.isBuffer(r.body) || typeof r.body === 'string') {
    payload = r.body;
    type ??= 'text/plain; charset=utf-8';
  } else if (r.body === undefined) {
    payload = '';
  } else {
    payload = JSON.stringify(r.body);
    type ??= 'application/json; charset=utf-8';
  }
  const headers: Record<string, string | number> = { ...(r.headers ?? {}), 'content-length': Buffer.byteLength(payload) };
  if (type) headers['content-type'] = type;
  res.writeHead(r.status, headers);
  res.end(payload);
}

export async function startSimulator(opts: { port?: number; host?: string } = {}): Promise<Simulator> {
  const state = new SimState();
  const sockets = new Set<Socket>();
  let closing = false;

  const onRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    try {
      for await (const c of req) {
        size += (c as Buffer).length;
        if (size > MAX_BODY) tooBig = true;
        else chunks.push(c as Buffer);
      }
    } catch {
      return; // client went away
    }
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const body = Buffer.concat(chunks);
    const sreq: SimRequest = { method: (req.method ?? 'GET').toUpperCase(), url, query: url.searchParams, headers: req.headers, body, bodyText: body.toString('utf8') };
    const ctx: Ctx = { state, req: sreq, sub: url.pathname, platform: 'none', endpoint: '', rejected: '' };
    let out: SimResponse;
    if (tooBig) out = { status: 413, body: { error: 'payload_too_large' } };
    else {
      try {
        out = await route(ctx, url.pathname);
      } catch (e) {
        out = { status: 500, body: { error: 'sim_internal_error', message: e instanceof Error ? e.message : String(e) } };
      }
    }
    if (ctx.platform !== 'control' && ctx.platform !== 'none') {
      if (ctx.endpoint) state.countCall(ctx.shop, ctx.endpoint);
      if (ctx.rejected) state.countRejected(ctx.shop, ctx.rejected);
      state.addLog({
        at: started,
        method: sreq.method,
        path: url.pathname,
        status: out.status,
        platform: ctx.platform,
        shopId: ctx.shop?.shopId ?? '',
        endpoint: ctx.endpoint,
        error: ctx.rejected,
        ms: Date.now() - started,
      });
    }
    if (!closing) send(res, out);
  };

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500);
        res.end();
      }
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  state.baseUrl = `http://${shownHost}:${port}`;
  return {
    url: state.baseUrl,
    port,
    state,
    close: async () => {
      if (closing) return;
      closing = true;
      state.releaseHolds();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        server.closeAllConnections?.();
      });
    },
  };
}
