// What a console tab says about its page, checked in the background: as untrusted as anything
// from a web page's tab — parsed, bounded, unknown keys refused. Kept out of pageReport.ts so the
// content scripts do not carry zod.
import { z } from 'zod';
import { OUTLINE_MAX_CHARS, type PageAnswer } from '../pageReport';

const count = z.number().int().min(0).max(100_000);

/** `console.reportPage`: counts only — what the page shows and what the row finder read. */
export const pageCounts = z.object({ shown: count, read: count }).strict();

export const pageAnswer: z.ZodType<PageAnswer> = z
  .object({
    platform: z.enum(['shopee', 'lazada', 'tiktok', 'shopify', 'woocommerce']),
    shown: count,
    read: count,
    outline: z.string().max(OUTLINE_MAX_CHARS).nullable(),
  })
  .strict();
