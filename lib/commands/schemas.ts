// Zod pieces shared by the command schemas. Every string is bounded, every number finite.
import { z } from 'zod';

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const page = z.number().int().min(1).max(1_000_000).default(1);
export const pageSize = z.number().int().min(1).max(500).default(50);
export const name = (max = 200) => z.string().trim().min(1, 'must not be empty').max(max);
export const optionalText = (max = 5000) => z.string().trim().max(max).optional();

export const listPage = z.object({ page, pageSize });

export interface ListAnswer<T> {
  items: T[];
  total: number;
}
