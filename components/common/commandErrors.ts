// Shows a command's refusal where the seller looks: on the form field the background names
// (`details.field`, or `details[].field` for invalid input), otherwise as a toast with the
// background's own sentence.
import type { FormInstance } from 'antd';
import { CommandError } from '@/lib/commands/errors';

type NamePath = (string | number)[];

export interface ShowErrorOptions {
  form?: FormInstance;
  /** Payload field paths that exist in the form under the same name (first segment: `lines` covers `lines.0.quantity`). */
  fields?: string[];
  /** Refusals that name no field but belong to one (e.g. `negative_stock` → `quantity`). */
  codeFields?: Record<string, string>;
  /** Payload fields shown on a differently named form field (e.g. `delta` → `quantity`). */
  rename?: Record<string, string>;
  toast: (text: string) => void;
}

function pathOf(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The field errors a refusal names, as `{field, message}` pairs with the background's words. */
export function fieldErrorsOf(err: unknown): { field: string; message: string }[] {
  if (!(err instanceof CommandError)) return [];
  const details = err.details;
  if (Array.isArray(details)) {
    return details
      .filter((d): d is { field: string; message?: string } => !!d && typeof d === 'object' && typeof (d as { field?: unknown }).field === 'string')
      .map((d) => ({ field: d.field, message: capitalise(d.message ?? err.message) }));
  }
  if (details && typeof details === 'object' && typeof (details as { field?: unknown }).field === 'string') {
    return [{ field: (details as { field: string }).field, message: err.message }];
  }
  return [];
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function showCommandError(err: unknown, opts: ShowErrorOptions): void {
  const { form, fields = [], codeFields = {}, rename = {}, toast } = opts;
  if (form) {
    let named = fieldErrorsOf(err).map((n) => {
      const [head, ...rest] = n.field.split('.');
      return rename[head!] ? { ...n, field: [rename[head!], ...rest].join('.') } : n;
    });
    if (!named.length && err instanceof CommandError && codeFields[err.code]) named = [{ field: codeFields[err.code]!, message: err.message }];
    const onForm = named.filter((n) => fields.includes(n.field.split('.')[0]!));
    if (onForm.length) {
      form.setFields(onForm.map((n) => ({ name: pathOf(n.field), errors: [n.message] })));
      if (onForm.length === named.length) return;
    }
  }
  toast(errorText(err));
}

/** The form's values, or null when a field is invalid (antd has already marked it). */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}
