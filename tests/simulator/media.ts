// Images in the simulator: the "internet's" images (GET /__sim/images/{name}.jpg|png|gif — small
// valid files anyone may fetch, the sources a clone starts from) and each marketplace's own image
// hosting (GET /media/{platform}/…: Shopee's media space, Lazada's hosted images, TikTok's upload
// URIs). A marketplace creates listings only from images in its own store, so the create calls
// check ids/URLs against it (shopee-, lazada-, tiktok-catalog.ts).
//
// Images are generated, never stored as binaries in the repository: an 8×8 grey baseline JPEG or
// an 8×8 RGB PNG whose colour comes from the name. `?bytes=N` pads a file to N bytes (JPEG comment
// segments, PNG ancillary chunks) so size limits can be tested.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Ctx, SimResponse } from './http.ts';
import type { SimState } from './state.ts';
import { randomHex } from './util.ts';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';
export type MediaPlatform = 'shopee' | 'lazada' | 'tiktok' | 'woocommerce';

export interface StoredImage {
  bytes: Buffer;
  type: ImageType;
  width: number;
  height: number;
}

// ---------------- generation ----------------
function shadeOf(name: string): [number, number, number] {
  const h = createHash('sha256').update(name).digest();
  return [h[0]!, h[1]!, h[2]!];
}

/** Baseline grey JPEG, one 8×8 block of one shade: DC only, custom Huffman tables (DC: 12
 *  categories with 4-bit codes; AC: EOB alone as the 1-bit code 0). */
export function makeJpeg(name: string, padTo = 0): Buffer {
  const [r, g, b] = shadeOf(name);
  const grey = Math.round((r + g + b) / 3);
  const dc = 8 * (grey - 128); // forward DCT of a flat block, quantiser 1
  const seg = (marker: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  const app0 = seg(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]));
  const dqt = seg(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]));
  const sof = seg(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
  const dcCounts = Buffer.alloc(16);
  dcCounts[3] = 12;
  const dht = seg(0xc4, Buffer.concat([Buffer.from([0x00]), dcCounts, Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])]));
  const acCounts = Buffer.alloc(16);
  acCounts[0] = 1;
  const dhtAc = seg(0xc4, Buffer.concat([Buffer.from([0x10]), acCounts, Buffer.from([0x00])]));
  const sos = seg(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  // Entropy data: DC category (4 bits), its bits (ones' complement when negative), EOB (1 bit).
  const cat = dc === 0 ? 0 : Math.floor(Math.log2(Math.abs(dc))) + 1;
  const extra = dc >= 0 ? dc : dc + (1 << cat) - 1;
  let bits = cat.toString(2).padStart(4, '0') + (cat ? extra.toString(2).padStart(cat, '0') : '') + '0';
  while (bits.length % 8) bits += '1';
  const data: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    const byte = parseInt(bits.slice(i, i + 8), 2);
    data.push(byte);
    if (byte === 0xff) data.push(0x00);
  }
  const head = Buffer.concat([Buffer.from([0xff, 0xd8]), app0]);
  const tail = Buffer.concat([dqt, sof, dht, dhtAc, sos, Buffer.from(data), Buffer.from([0xff, 0xd9])]);
  const comments: Buffer[] = [];
  let missing = padTo - head.length - tail.length;
  while (missing > 4) {
    const n = Math.min(missing - 4, 65_533);
    comments.push(seg(0xfe, Buffer.alloc(n, 0x20)));
    missing -= n + 4;
  }
  return Buffer.concat([head, ...comments, tail]);
}

let crcTable: Uint32Array | undefined;
function crc32(buf: Buffer): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function makePng(name: string, padTo = 0): Buffer {
  const [r, g, b] = shadeOf(name);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(8, 0);
  ihdr.writeUInt32BE(8, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows: number[] = [];
  for (let y = 0; y < 8; y++) rows.push(0, ...Array.from({ length: 8 }, () => [r, g, b]).flat());
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))];
  const size = parts.reduce((n, p) => n + p.length, 0);
  const missing = padTo - size;
  // A private ancillary chunk ("shLf": lower-case first letter = ancillary) fills to the size asked.
  if (missing > 12) parts.splice(3, 0, chunk('shLf', Buffer.alloc(missing - 12, 0x20)));
  return Buffer.concat(parts);
}

/** The smallest GIF (1×1): a valid image in a format Shopee and Lazada do not take. */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The file a `/__sim/images/{name}.{ext}` URL serves; undefined for an unknown extension. */
export function sourceImage(file: string, padTo = 0): StoredImage | undefined {
  const m = /^(.+)\.(jpe?g|png|gif)$/i.exec(file);
  if (!m) return undefined;
  const ext = m[2]!.toLowerCase();
  const bytes = ext === 'png' ? makePng(m[1]!, padTo) : ext === 'gif' ? GIF : makeJpeg(m[1]!, padTo);
  return { bytes, ...sniffImage(bytes)! };
}

// ---------------- reading ----------------
/** Type and size from the bytes themselves (what a platform trusts, not a file name or header). */
export function sniffImage(b: Buffer): { type: ImageType; width: number; height: number } | undefined {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) return { type: 'image/png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length > 10 && b.toString('latin1', 0, 6).startsWith('GIF8')) return { type: 'image/gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return { type: 'image/webp', width: 0, height: 0 };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      const len = b.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xc3) return { type: 'image/jpeg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      i += 2 + len;
    }
    return { type: 'image/jpeg', width: 0, height: 0 };
  }
  return undefined;
}

/** A file part of a multipart/form-data body (the simulator's own small reader, binary-safe). */
export function multipartFile(body: Buffer, contentType: string | undefined, field: string): { bytes: Buffer; filename: string } | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!m) return undefined;
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`, 'latin1');
  let pos = body.indexOf(boundary);
  while (pos >= 0) {
    const start = pos + boundary.length + 2; // CRLF after the boundary
    const next = body.indexOf(boundary, start);
    if (next < 0) return undefined;
    const sep = body.indexOf('\r\n\r\n', start, 'latin1');
    if (sep > 0 && sep < next) {
      const head = body.toString('latin1', start, sep);
      const name = /name="([^"]*)"/i.exec(head)?.[1];
      if (name === field && /filename=/i.test(head)) {
        return { bytes: body.subarray(sep + 4, next - 2), filename: /filename="([^"]*)"/i.exec(head)?.[1] ?? '' };
      }
    }
    pos = next;
  }
  return undefined;
}

// ---------------- hosting ----------------
/** Where each marketplace serves the images it hosts (SIMULATOR.md `mediaBaseUrl`). */
export function mediaBaseUrl(state: SimState, platform: MediaPlatform): string {
  return `${state.baseUrl}/media/${platform}`;
}

interface Hosted extends StoredImage {
  platform: MediaPlatform;
  /** Shopee image_id, TikTok uri, Lazada hash_code. */
  ref: string;
  url: string;
}

/** Every image a marketplace holds, by URL and by its own reference. Images of seeded listings
 *  (ref `sim-…`) are made on request from their name: a 100,000-item shop costs nothing here. */
export class MediaStore {
  private readonly byRef = new Map<string, Hosted>();
  private readonly byPath = new Map<string, Hosted>();
  clear(): void {
    this.byRef.clear();
    this.byPath.clear();
  }
  /** Host an image for a platform (upload / migrate / the seller listing it in the console). */
  host(state: SimState, platform: MediaPlatform, img: StoredImage, site = ''): { ref: string; url: string } {
    const ref = platform === 'shopee' ? `sg-11134201-${randomHex(12)}` : platform === 'tiktok' ? `tos-maliva-i-o3syd03w52-us/${randomHex(16)}` : randomHex(16);
    const path = MediaStore.pathOf(platform, ref, img.type, site);
    const h: Hosted = { ...img, platform, ref, url: `${state.baseUrl}${path}` };
    this.byRef.set(`${platform}:${ref}`, h);
    this.byPath.set(path, h);
    return { ref, url: h.url };
  }
  /** URL of a seeded listing's image (made from its name when asked for). */
  static seededUrl(state: SimState, platform: MediaPlatform, name: string): string {
    return `${state.baseUrl}${MediaStore.pathOf(platform, `sim-${name}`, 'image/jpeg')}`;
  }
  private static pathOf(platform: MediaPlatform, ref: string, type: ImageType, site = ''): string {
    const ext = type === 'image/png' ? 'png' : 'jpg';
    switch (platform) {
      case 'shopee':
        return `/media/shopee/file/${ref}`;
      case 'lazada':
        return `/media/lazada/p/${ref}.${ext}`;
      case 'tiktok':
        return `/media/tiktok/${ref}~tplv-o3syd03w52-origin-${ext === 'png' ? 'png' : 'jpeg'}.${ext}`;
      case 'woocommerce':
        return `/woocommerce/${site}/wp-content/uploads/${ref}.${ext}`;
    }
  }
  /** Whether a platform holds this reference (Shopee image_id, TikTok uri). */
  hasRef(platform: MediaPlatform, ref: string): boolean {
    return this.byRef.has(`${platform}:${ref}`) || (platform !== 'lazada' && ref.startsWith('sim-'));
  }
  urlOfRef(state: SimState, platform: MediaPlatform, ref: string): string {
    return this.byRef.get(`${platform}:${ref}`)?.url ?? `${state.baseUrl}${MediaStore.pathOf(platform, ref, 'image/jpeg')}`;
  }
  /** Whether a URL is one this platform serves (Lazada's "own hosts" rule). */
  hostsUrl(state: SimState, platform: MediaPlatform, url: string): boolean {
    if (!url.startsWith(`${state.baseUrl}/`)) return false;
    return this.image(url.slice(state.baseUrl.length))?.platform === platform;
  }
  /** The image at a simulator path, or undefined. */
  image(path: string): (StoredImage & { platform?: MediaPlatform }) | undefined {
    const clean = path.split('?')[0]!;
    const hosted = this.byPath.get(clean);
    if (hosted) return hosted;
    const seeded = /^\/media\/(shopee|lazada|tiktok)\/(?:file\/|p\/)?sim-([^/~.]+)/.exec(clean);
    if (seeded) return { ...sourceImage(`${seeded[2]}.jpg`)!, platform: seeded[1] as MediaPlatform };
    return undefined;
  }
}

/** What fetching `url` would give, when the URL is the simulator's own (a source image or an image
 *  a platform hosts). The simulator plays the internet too: other hosts are unreachable from it. */
export function resolveImageUrl(state: SimState, url: string): StoredImage | 'unreachable' | 'not_found' {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'unreachable';
  }
  if (`${u.protocol}//${u.host}` !== state.baseUrl) return 'unreachable';
  const src = /^\/__sim\/images\/([^/]+)$/.exec(u.pathname);
  if (src) return sourceImage(decodeURIComponent(src[1]!), Number(u.searchParams.get('bytes') ?? 0) || 0) ?? 'not_found';
  return state.media.image(u.pathname) ?? 'not_found';
}

/** GET /__sim/images/{file} and GET /media/… (and a WooCommerce site's uploads). */
export function serveImage(ctx: Ctx, path: string): SimResponse {
  if (ctx.req.method !== 'GET' && ctx.req.method !== 'HEAD') return { status: 405, body: 'Method Not Allowed', contentType: 'text/plain' };
  const found = resolveImageUrl(ctx.state, `${ctx.state.baseUrl}${path}${ctx.req.url.search}`);
  if (typeof found === 'string') return { status: 404, body: 'Not Found', contentType: 'text/plain' };
  return { status: 200, body: ctx.req.method === 'HEAD' ? '' : found.bytes, contentType: found.type, headers: { 'cache-control': 'public, max-age=31536000', 'access-control-allow-origin': '*' } };
}
