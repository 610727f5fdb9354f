// Zod pieces shared by the command schemas. Every string is bounded, every number finite.
import { z } from 'zod';

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const page = z.number().int().min(1).max(1_000_000).default(1);
export const pageSize = z.number().int().min(1).max(500).default(50);
export const name = (max = 200) => z.string().trim().min(1, 'must not be empty').max(max);

export const listPage = z.object({ page, pageSize });

export interface ListAnswer<T> {
  items: T[];
  total: number;
}

/** A whole, positive number of units. */
export const quantity = z.number().int('must be a whole number').positive('must be more than 0').max(1_000_000_000);
/** Free text a seller types as a reason or reference. */
export const note = z.string().trim().max(500);
export const sku = z.string().trim().min(1, 'must not be empty').max(100);

/** `sku` or `productId`: exactly one names the system product. */
export const productRef = {
  sku: sku.optional(),
  productId: id.optional(),
};

export function exactlyOne<T extends Record<string, unknown>>(keys: (keyof T & string)[]) {
  return (value: T, ctx: z.RefinementCtx) => {
    const given = keys.filter((k) => value[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [keys[0]!], message: `give exactly one of ${keys.join(', ')}` });
    }
  };
}
