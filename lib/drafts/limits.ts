// What each destination platform documents as limits for a new listing (platforms/*.md), and
// which fields it needs that another platform may not have had.
import type { Platform } from '../platforms/types';

export interface ListingLimits {
  titleMax: number;
  imagesMax: number;
  variantsMax: number;
  needsCategory: boolean;
  needsImages: boolean;
  needsWeight: boolean;
}

export const LIMITS: Record<Platform, ListingLimits> = {
  shopee: { titleMax: 120, imagesMax: 9, variantsMax: 50, needsCategory: true, needsImages: false, needsWeight: true },
  lazada: { titleMax: 255, imagesMax: 8, variantsMax: 100, needsCategory: true, needsImages: true, needsWeight: false },
  tiktok: { titleMax: 255, imagesMax: 9, variantsMax: 100, needsCategory: true, needsImages: true, needsWeight: false },
  shopify: { titleMax: 255, imagesMax: 250, variantsMax: 100, needsCategory: false, needsImages: false, needsWeight: false },
  woocommerce: { titleMax: 200, imagesMax: 50, variantsMax: 100, needsCategory: false, needsImages: false, needsWeight: false },
};
