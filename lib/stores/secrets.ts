// Store credentials are encrypted at rest with AES-GCM under a key that WebCrypto made
// non-extractable: the key object lives in IndexedDB, but its bytes can never be read back, so
// a copy of the database (or a look at it in DevTools) shows no secret in clear.
import type { ShelfsyncDB } from '../db/database';
import type { Credentials } from '../platforms/types';

const KEY_ID = 'credentialKey';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

let cached: Promise<CryptoKey> | null = null;

async function loadOrCreateKey(db: ShelfsyncDB): Promise<CryptoKey> {
  const existing = await db.meta.get(KEY_ID);
  if (existing?.value instanceof CryptoKey) return existing.value;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // Two first calls racing: the first key stored wins and both use it.
  return db.transaction('rw', db.meta, async () => {
    const again = await db.meta.get(KEY_ID);
    if (again?.value instanceof CryptoKey) return again.value;
    await db.meta.put({ key: KEY_ID, value: key });
    return key;
  });
}

function credentialKey(db: ShelfsyncDB): Promise<CryptoKey> {
  cached ??= loadOrCreateKey(db).catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

/** Tests: forget the cached key (after deleting the database). */
export function forgetCredentialKey(): void {
  cached = null;
}

export async function encryptCredentials(db: ShelfsyncDB, credentials: Credentials): Promise<{ iv: string; data: string }> {
  const key = await credentialKey(db);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(credentials));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return { iv: toBase64(iv), data: toBase64(cipher) };
}

export async function decryptCredentials(db: ShelfsyncDB, secret: { iv: string; data: string }): Promise<Credentials> {
  const key = await credentialKey(db);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(secret.iv) }, key, fromBase64(secret.data));
  return JSON.parse(new TextDecoder().decode(plain)) as Credentials;
}
