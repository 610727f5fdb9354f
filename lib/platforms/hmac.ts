// HMAC via WebCrypto: the only crypto available in the MV3 service worker (no node:crypto),
// and the same `globalThis.crypto.subtle` exists in Node 20, so tests run the shipped code.

export type HmacAlgorithm = 'SHA-256' | 'SHA-1';

const encoder = new TextEncoder();

/** Imported keys by algorithm and secret: every signed call (several a second per store while
 *  stock streams out) would import the same secret again. In memory only, like the adapter that
 *  holds the secret; a handful of stores, so a small bound. */
const imported = new Map<string, Promise<CryptoKey>>();
const IMPORTED_MAX = 64;

function importedKey(algorithm: HmacAlgorithm, key: string): Promise<CryptoKey> {
  const id = `${algorithm}\u0000${key}`;
  let cryptoKey = imported.get(id);
  if (!cryptoKey) {
    if (imported.size >= IMPORTED_MAX) imported.clear();
    cryptoKey = globalThis.crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: algorithm }, false, ['sign']);
    // A failed import is not kept: the next call tries again.
    cryptoKey.catch(() => imported.delete(id));
    imported.set(id, cryptoKey);
  }
  return cryptoKey;
}

async function hmacBytes(algorithm: HmacAlgorithm, key: string, message: string): Promise<Uint8Array> {
  const cryptoKey = await importedKey(algorithm, key);
  const signature = await globalThis.crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(message));
  return new Uint8Array(signature);
}

/** Lowercase hex HMAC of the UTF-8 bytes of `message` keyed with the UTF-8 bytes of `key`. */
export async function hmacHex(algorithm: HmacAlgorithm, key: string, message: string): Promise<string> {
  const bytes = await hmacBytes(algorithm, key, message);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function hmacSha256Hex(key: string, message: string): Promise<string> {
  return hmacHex('SHA-256', key, message);
}

/** Base64 HMAC, as OAuth 1.0a (RFC 5849 §3.4.2) wants it. */
export async function hmacBase64(algorithm: HmacAlgorithm, key: string, message: string): Promise<string> {
  const bytes = await hmacBytes(algorithm, key, message);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Constant-time comparison of two hex/base64 strings (Shopify callback hmac check). */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
