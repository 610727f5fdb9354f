// Moving a listing's images into a marketplace's own hosting. Shopee and TikTok take the bytes
// (the background fetches the source image, checks its size and type from the bytes themselves,
// and uploads it); Lazada fetches a URL itself. An image that cannot be used is an `ImageError`
// with a machine code the draft keeps, so the seller is told which image and why.

import { DEFAULT_TIMEOUT_MS, errorMessage, stripQuery, type AdapterOptions } from './http.ts';
import { PlatformError } from './types.ts';

export type ImageErrorCode =
  /** The source could not be downloaded (network, HTTP error, not found). */
  | 'image_unreachable'
  /** Bigger than the platform takes. */
  | 'image_too_large'
  /** Not a format the platform takes (or not an image at all). */
  | 'image_type'
  /** The platform refused it for its own reason (told in the message). */
  | 'image_refused';

export class ImageError extends PlatformError {
  override name = 'ImageError';
  constructor(
    public readonly code: ImageErrorCode,
    message: string,
    public readonly sourceUrl: string,
    platformCode?: string,
  ) {
    super('invalid', message, { platformCode });
  }
}

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

/** The type the bytes say they are (what platforms check), not a header or a file name. */
export function imageTypeOf(b: Uint8Array): ImageMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38) return 'image/gif';
  return null;
}

export interface ImageRules {
  platform: string;
  maxBytes: number;
  types: readonly ImageMime[];
}

export interface FetchedImage {
  bytes: Uint8Array;
  type: ImageMime;
  /** A file name for the upload: the source's last path segment, with the right extension. */
  filename: string;
}

const EXT: Record<ImageMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };
const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Downloads a source image and checks it against a platform's rules before anything is uploaded. */
export async function fetchImage(url: string, rules: ImageRules, opts: AdapterOptions = {}): Promise<FetchedImage> {
  if (!/^https?:\/\//i.test(url)) throw new ImageError('image_unreachable', `"${url}" is not an http(s) address of an image.`, url);
  let res: Response;
  let buf: ArrayBuffer;
  try {
    const init: RequestInit = { signal: AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS), redirect: 'follow' };
    res = opts.fetch ? await opts.fetch(url, init) : await fetch(url, init);
    if (!res.ok) throw new ImageError('image_unreachable', `The image at ${stripQuery(url)} could not be downloaded (HTTP ${res.status}).`, url);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    // Refuse before reading a file that is plainly too big.
    if (declared > rules.maxBytes) throw new ImageError('image_too_large', `The image at ${stripQuery(url)} is ${mb(declared)}; ${rules.platform} takes at most ${mb(rules.maxBytes)}.`, url);
    buf = await res.arrayBuffer();
  } catch (err) {
    if (err instanceof ImageError) throw err;
    throw new ImageError('image_unreachable', `The image at ${stripQuery(url)} could not be downloaded: ${errorMessage(err)}.`, url);
  }
  const bytes = new Uint8Array(buf);
  if (bytes.length === 0) throw new ImageError('image_unreachable', `The image at ${stripQuery(url)} is empty.`, url);
  if (bytes.length > rules.maxBytes) throw new ImageError('image_too_large', `The image at ${stripQuery(url)} is ${mb(bytes.length)}; ${rules.platform} takes at most ${mb(rules.maxBytes)}.`, url);
  const type = imageTypeOf(bytes);
  if (!type || !rules.types.includes(type)) {
    const names = rules.types.map((t) => EXT[t].toUpperCase()).join(', ');
    throw new ImageError('image_type', `The file at ${stripQuery(url)} is ${type ? `a ${EXT[type].toUpperCase()} image` : 'not an image'}; ${rules.platform} takes ${names}.`, url);
  }
  const base = (stripQuery(url).split('/').pop() ?? '').replace(/\.[a-z0-9]+$/i, '').replace(/[^\w-]+/g, '') || 'image';
  return { bytes, type, filename: `${base.slice(0, 60)}.${EXT[type]}` };
}

/** The upload's multipart body: the file under `field`, plus text fields. */
export function imageForm(field: string, img: FetchedImage, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  // A copy into a plain ArrayBuffer: Blob wants ArrayBuffer-backed views.
  form.append(field, new Blob([img.bytes.slice().buffer as ArrayBuffer], { type: img.type }), img.filename);
  return form;
}

/** A platform's refusal of an upload, told as the image's problem. */
export function imageRefused(err: unknown, url: string, platform: string): never {
  if (err instanceof PlatformError && err.kind === 'invalid' && !(err instanceof ImageError)) {
    const text = err.message;
    // The platform's words (the URL in them can look like anything, so the order matters).
    const code: ImageErrorCode = /download|unreachable|resolve/i.test(text) ? 'image_unreachable' : /\bsize\b|too large|\d\s?MB\b/i.test(text) ? 'image_too_large' : /format|file type/i.test(text) ? 'image_type' : 'image_refused';
    throw new ImageError(code, `${platform} refused the image at ${stripQuery(url)}: ${text}`, url, err.opts.platformCode);
  }
  throw err;
}
