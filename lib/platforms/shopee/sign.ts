// Shopee Open Platform v2 signing (shopee.md § Signing): HMAC-SHA256 keyed with the partner key
// over a plain concatenation, lowercase hex. The path is the documented `/api/v2/...` path,
// never the host's prefix (the simulator mounts Shopee under `/shopee`).

import { hmacSha256Hex } from '../hmac.ts';

/** Public calls (token calls, the authorize link): `partner_id + api_path + timestamp`. */
export function shopeePublicBaseString(partnerId: string, apiPath: string, timestamp: number): string {
  return `${partnerId}${apiPath}${timestamp}`;
}

/** Shop calls: `partner_id + api_path + timestamp + access_token + shop_id`. */
export function shopeeShopBaseString(
  partnerId: string,
  apiPath: string,
  timestamp: number,
  accessToken: string,
  shopId: string,
): string {
  return `${partnerId}${apiPath}${timestamp}${accessToken}${shopId}`;
}

export function shopeePublicSign(partnerKey: string, partnerId: string, apiPath: string, timestamp: number): Promise<string> {
  return hmacSha256Hex(partnerKey, shopeePublicBaseString(partnerId, apiPath, timestamp));
}

export function shopeeShopSign(
  partnerKey: string,
  partnerId: string,
  apiPath: string,
  timestamp: number,
  accessToken: string,
  shopId: string,
): Promise<string> {
  return hmacSha256Hex(partnerKey, shopeeShopBaseString(partnerId, apiPath, timestamp, accessToken, shopId));
}
