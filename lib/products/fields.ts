// System product fields, shared by the commands and the CSV import so both validate alike.
import { z } from 'zod';
import { sku } from '../commands/schemas';

export const productFields = {
  sku,
  name: z.string().trim().min(1, 'must not be empty').max(300),
  price: z.number().min(0, 'cannot be negative').max(1_000_000_000).nullable().optional(),
  imageUrl: z.string().trim().max(2000).url('must be a web address').refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://').nullable().optional(),
  weightGrams: z.number().int('must be whole grams').min(0).max(1_000_000).nullable().optional(),
  description: z.string().max(20_000).nullable().optional(),
};

export const productInput = z.object(productFields).strict();
