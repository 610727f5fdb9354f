// What the Stores page knows about each platform: its name and colour, the fields of the two ways
// to connect (the seller's own app → `stores.authorize`; tokens pasted in → `stores.connect`,
// lib/stores/credentials.ts), and the few lines of help for its partner console.
import type { MessageKey } from '@/lib/i18n';
import { SHOPIFY_SHOP_EXAMPLE } from '@/lib/platforms/shopify/profile';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';

export { PLATFORMS };
export type { Platform };

// Name and colour: the platform profiles', as everywhere on the dashboard (common/platforms.ts).
export { PLATFORM_NAME as PLATFORM_LABEL, PLATFORM_TINT as PLATFORM_COLOR } from '@/components/common/platforms';

export interface FieldSpec {
  /** The payload name inside `credentials` / `appCredentials` (or top-level for `apiBaseUrl`). */
  name: string;
  label: MessageKey;
  secret?: boolean;
  placeholder?: string;
  help?: MessageKey;
}

const f = (name: string, label: MessageKey, extra: Omit<FieldSpec, 'name' | 'label'> = {}): FieldSpec => ({ name, label, ...extra });

/** `stores.authorize` → `appCredentials` per platform (lib/stores/authorize.ts). */
export const APP_FIELDS: Record<Platform, FieldSpec[]> = {
  shopee: [f('partnerId', 'stores_field_partnerId'), f('partnerKey', 'stores_field_partnerKey', { secret: true })],
  lazada: [f('appKey', 'stores_field_appKey'), f('appSecret', 'stores_field_appSecret', { secret: true })],
  tiktok: [f('appKey', 'stores_field_appKey'), f('appSecret', 'stores_field_appSecret', { secret: true }), f('serviceId', 'stores_field_serviceId')],
  shopify: [
    f('clientId', 'stores_field_clientId'),
    f('clientSecret', 'stores_field_clientSecret', { secret: true }),
    f('shopDomain', 'stores_field_shopDomain', { placeholder: SHOPIFY_SHOP_EXAMPLE }),
  ],
  woocommerce: [],
};

/** `stores.connect` → `credentials` per platform (lib/stores/credentials.ts). */
export const CREDENTIAL_FIELDS: Record<Platform, FieldSpec[]> = {
  shopee: [
    f('partnerId', 'stores_field_partnerId'),
    f('partnerKey', 'stores_field_partnerKey', { secret: true }),
    f('shopId', 'stores_field_shopId'),
    f('accessToken', 'stores_field_accessToken', { secret: true }),
    f('refreshToken', 'stores_field_refreshToken', { secret: true }),
  ],
  lazada: [
    f('appKey', 'stores_field_appKey'),
    f('appSecret', 'stores_field_appSecret', { secret: true }),
    f('accessToken', 'stores_field_accessToken', { secret: true }),
    f('refreshToken', 'stores_field_refreshToken', { secret: true }),
  ],
  tiktok: [
    f('appKey', 'stores_field_appKey'),
    f('appSecret', 'stores_field_appSecret', { secret: true }),
    f('accessToken', 'stores_field_accessToken', { secret: true }),
    f('refreshToken', 'stores_field_refreshToken', { secret: true }),
    f('shopCipher', 'stores_field_shopCipher'),
  ],
  shopify: [
    f('shopDomain', 'stores_field_shopDomain', { placeholder: SHOPIFY_SHOP_EXAMPLE }),
    f('accessToken', 'stores_field_adminToken', { secret: true, placeholder: 'shpat_…' }),
  ],
  // WooCommerce: one of two pairs, chosen in the form (WOO_KEY_FIELDS / WOO_PASSWORD_FIELDS).
  woocommerce: [],
};

export const WOO_KEY_FIELDS: FieldSpec[] = [
  f('consumerKey', 'stores_field_consumerKey', { secret: true, placeholder: 'ck_…' }),
  f('consumerSecret', 'stores_field_consumerSecret', { secret: true, placeholder: 'cs_…' }),
];
export const WOO_PASSWORD_FIELDS: FieldSpec[] = [
  f('username', 'stores_field_username'),
  f('applicationPassword', 'stores_field_applicationPassword', { secret: true }),
];

/** Lazada's countries (its API host depends on them); TikTok's US shops authorize on their own host. */
export const LAZADA_REGIONS = ['sg', 'my', 'th', 'vn', 'ph', 'id'] as const;

/** Step-by-step help for the app in the platform's partner console (authorize tab). */
export const AUTHORIZE_HELP: Record<Platform, MessageKey[]> = {
  shopee: ['stores_help_shopee_1', 'stores_help_shopee_2', 'stores_help_shopee_3', 'stores_help_shopee_4'],
  lazada: ['stores_help_lazada_1', 'stores_help_lazada_2', 'stores_help_lazada_3', 'stores_help_lazada_4'],
  tiktok: ['stores_help_tiktok_1', 'stores_help_tiktok_2', 'stores_help_tiktok_3', 'stores_help_tiktok_4'],
  shopify: ['stores_help_shopify_1', 'stores_help_shopify_2', 'stores_help_shopify_3', 'stores_help_shopify_4'],
  woocommerce: ['stores_help_woocommerce_1', 'stores_help_woocommerce_2', 'stores_help_woocommerce_3'],
};

/** Where the tokens of the paste tab come from. */
export const PASTE_HELP: Record<Platform, MessageKey> = {
  shopee: 'stores_pasteHelp_shopee',
  lazada: 'stores_pasteHelp_lazada',
  tiktok: 'stores_pasteHelp_tiktok',
  shopify: 'stores_pasteHelp_shopify',
  woocommerce: 'stores_pasteHelp_woocommerce',
};
