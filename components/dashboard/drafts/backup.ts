// The unsaved edit of a draft, kept in localStorage on every change until the background has it:
// closing the tab right after typing can cut the last save short (a message sent from `pagehide`
// may never arrive), so the edit page re-applies this copy when it opens the draft again.
import { patchOf, savedHolds, type DraftPatch } from './fields';
import type { DraftFields, DraftView } from './types';

export interface DraftBackup {
  /** The saved version the edit was made on. */
  baseVersion: number;
  fields: DraftFields;
  at: number;
  /** A save under way when the copy was written: it may have landed (version + 1) or not. */
  inflight?: { baseVersion: number; patch: DraftPatch };
}

const PREFIX = 'shelfsync.draftEdit.';

export function readBackup(draftId: number): DraftBackup | null {
  try {
    const raw = localStorage.getItem(PREFIX + draftId);
    const parsed = raw ? (JSON.parse(raw) as DraftBackup) : null;
    return parsed && typeof parsed.baseVersion === 'number' && parsed.fields ? parsed : null;
  } catch {
    return null;
  }
}

export function writeBackup(draftId: number, backup: DraftBackup): void {
  try {
    localStorage.setItem(PREFIX + draftId, JSON.stringify(backup));
  } catch {
    // Storage full or blocked: the debounced save and the flush on close still run.
  }
}

export function clearBackup(draftId: number): void {
  try {
    localStorage.removeItem(PREFIX + draftId);
  } catch {
    // nothing to do
  }
}

/**
 * What to do with a copy found when the draft opens:
 * - `drop`: the draft as saved already holds it (the last save did arrive);
 * - `apply`: it was made on the saved version (or on the one before, whose save landed): nobody
 *   else changed the draft since, so it goes back on screen and is saved;
 * - `offer`: the draft changed elsewhere since; the seller chooses.
 */
export function resolveBackup(saved: DraftView, b: DraftBackup): 'drop' | 'apply' | 'offer' {
  const { patch, held } = patchOf(b.fields);
  if (savedHolds(saved, patch)) return held.length ? 'apply' : 'drop';
  if (b.baseVersion === saved.version) return 'apply';
  if (b.inflight && saved.version === b.inflight.baseVersion + 1 && savedHolds(saved, b.inflight.patch)) return 'apply';
  return 'offer';
}
