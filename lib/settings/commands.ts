// settings.*: the seller's switches — debug logging (redacted, never secrets) and a per-feature
// off switch for each console feature (the list, its defaults and labels: lib/consoles/features.ts).
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { DEFAULT_SWITCHES, FEATURE_IDS, type ConsoleFeatureId, type FeatureSwitches } from '../consoles/features';
import type { ShelfsyncDB } from '../db/database';
import { setLogLevel } from '../log/logger';

export interface Settings {
  debugLogging: boolean;
  consoleFeatures: FeatureSwitches;
}

export const DEFAULT_SETTINGS: Settings = {
  debugLogging: false,
  consoleFeatures: DEFAULT_SWITCHES,
};

/** `settings.update {consoleFeatures}`: any of the switches, nothing else. */
const switchesPatch = z.object(Object.fromEntries(FEATURE_IDS.map((f) => [f, z.boolean().optional()])) as Record<ConsoleFeatureId, z.ZodOptional<z.ZodBoolean>>).strict();

export async function readSettings(db: ShelfsyncDB): Promise<Settings> {
  const row = (await db.settings.get('settings'))?.value as Partial<Settings> | undefined;
  return { ...DEFAULT_SETTINGS, ...row, consoleFeatures: { ...DEFAULT_SETTINGS.consoleFeatures, ...row?.consoleFeatures } };
}

export function applySettings(s: Settings): void {
  setLogLevel(s.debugLogging ? 'debug' : 'info');
}

export const settingsCommands = {
  'settings.get': command({
    summary: 'read settings',
    access: EXTENSION_ONLY,
    schema: z.object({}).strict().default({}),
    handler: async (_i, { db }) => readSettings(db),
  }),

  'settings.update': command({
    summary: 'change settings',
    access: EXTENSION_ONLY,
    schema: z.object({
      debugLogging: z.boolean().optional(),
      consoleFeatures: switchesPatch.optional(),
    }).strict(),
    async handler(input, { db }) {
      const next = await db.transaction('rw', db.settings, async () => {
        const current = await readSettings(db);
        const merged: Settings = {
          debugLogging: input.debugLogging ?? current.debugLogging,
          consoleFeatures: { ...current.consoleFeatures, ...Object.fromEntries(Object.entries(input.consoleFeatures ?? {}).filter(([, v]) => v !== undefined)) },
        };
        await db.settings.put({ key: 'settings', value: merged });
        return merged;
      });
      applySettings(next);
      return next;
    },
  }),
};
