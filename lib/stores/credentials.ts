// What `stores.connect` accepts as credentials, per platform (platforms/README.md).
import { z } from 'zod';
import { SHOPIFY_SHOP_DOMAIN, SHOPIFY_SHOP_EXAMPLE } from '../platforms/shopify/profile';
import type { Credentials, Platform } from '../platforms/types';

const secret = z.string().trim().min(1, 'must not be empty').max(4000);

export const credentialSchemas = {
  shopee: z.object({ partnerId: z.union([secret, z.number().int().positive()]).transform(String), partnerKey: secret, shopId: z.union([secret, z.number().int().positive()]).transform(String), accessToken: secret, refreshToken: secret }).strict(),
  lazada: z.object({ appKey: z.union([secret, z.number()]).transform(String), appSecret: secret, accessToken: secret, refreshToken: secret }).strict(),
  tiktok: z.object({ appKey: secret, appSecret: secret, accessToken: secret, refreshToken: secret, shopCipher: secret }).strict(),
  shopify: z.object({ shopDomain: z.string().trim().toLowerCase().regex(SHOPIFY_SHOP_DOMAIN, `must look like ${SHOPIFY_SHOP_EXAMPLE}`), accessToken: secret }).strict(),
  woocommerce: z
    .object({ consumerKey: secret.optional(), consumerSecret: secret.optional(), username: secret.optional(), applicationPassword: secret.optional() })
    .strict()
    .refine((c) => (c.consumerKey && c.consumerSecret) || (c.username && c.applicationPassword), 'give consumerKey + consumerSecret, or username + applicationPassword'),
} as const;

export function parseCredentials(platform: Platform, raw: unknown): { ok: true; credentials: Credentials } | { ok: false; error: z.ZodError } {
  const parsed = credentialSchemas[platform].safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error };
  return { ok: true, credentials: { platform, ...parsed.data } as Credentials };
}
