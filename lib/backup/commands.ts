// backup.*: the whole local database to a file and back into a fresh profile. Store credentials
// travel only when the seller gives a passphrase (sealed with it); without one the stores come
// back as "needs re-authorization". Import goes into an empty database only, in one pass per
// table, and re-encrypts credentials under the new profile's own key.
import { z } from 'zod';
import { command, EXTENSION_ONLY } from '../commands/define';
import { CommandError } from '../commands/errors';
import type { ShelfsyncDB } from '../db/database';
import type { StoreRow } from '../db/types';
import { LATEST_VERSION } from '../db/versions';
import type { Credentials } from '../platforms/types';
import { invalidateAll } from '../store-products/listIndex';
import { decryptCredentials, encryptCredentials } from '../stores/secrets';
import { open, seal, type SealedBox } from './passphrase';
import { t } from '../i18n';

/** Work in progress and machine state stay behind: they belong to this browser's engine. */
const SKIP = new Set(['meta', 'jobs', 'pushQueue', 'storeMarks', 'rateLimits', 'idempotency']);
const FORMAT = 'shelfsync-backup';

interface BackupFile {
  format: typeof FORMAT;
  version: 1;
  schemaVersion: number;
  exportedAt: number;
  tables: Record<string, unknown[]>;
  secrets: SealedBox | null;
}

const passphrase = z.string().min(8, 'must be at least 8 characters').max(200);

async function isEmpty(db: ShelfsyncDB): Promise<boolean> {
  for (const t of db.tables) if (!SKIP.has(t.name) && t.name !== 'settings' && (await t.count())) return false;
  return true;
}

export const backupCommands = {
  'backup.export': command({
    summary: 'export a backup',
    access: EXTENSION_ONLY,
    schema: z.object({ passphrase: passphrase.optional() }).strict(),
    async handler(input, { db, now }) {
      const tables: Record<string, unknown[]> = {};
      const secrets: Record<number, Credentials> = {};
      await db.transaction('r', db.tables, async () => {
        for (const t of db.tables) if (!SKIP.has(t.name)) tables[t.name] = await t.toArray();
      });
      for (const store of tables.stores as StoreRow[]) {
        if (input.passphrase) secrets[store.id] = await decryptCredentials(db, store.secret);
        (store as Partial<StoreRow>).secret = undefined;
      }
      const file: BackupFile = {
        format: FORMAT, version: 1, schemaVersion: LATEST_VERSION, exportedAt: now(), tables,
        secrets: input.passphrase ? await seal(secrets, input.passphrase) : null,
      };
      const rows = Object.values(tables).reduce((s, r) => s + r.length, 0);
      return { json: JSON.stringify(file), rows, filename: `shelfsync-backup-${new Date(now()).toISOString().slice(0, 10)}.json` };
    },
  }),

  'backup.import': command({
    summary: 'import a backup',
    access: EXTENSION_ONLY,
    schema: z.object({ json: z.string().min(2).max(60_000_000), passphrase: passphrase.optional() }).strict(),
    async handler(input, { db }) {
      let file: BackupFile;
      try {
        file = JSON.parse(input.json) as BackupFile;
      } catch {
        throw new CommandError('invalid_backup', t('err_backup_notJson'));
      }
      if (file?.format !== FORMAT || file.version !== 1 || typeof file.tables !== 'object' || !file.tables) throw new CommandError('invalid_backup', t('err_backup_notBackup'));
      if (file.schemaVersion > LATEST_VERSION) throw new CommandError('invalid_backup', t('err_backup_newer'));
      if (!(await isEmpty(db))) throw new CommandError('not_empty', t('err_backup_notEmpty'));
      let secrets: Record<string, Credentials> = {};
      if (file.secrets) {
        if (!input.passphrase) throw new CommandError('passphrase_needed', t('err_backup_passphraseNeeded'), [{ field: 'passphrase', message: 'required' }]);
        try {
          secrets = (await open(file.secrets, input.passphrase)) as Record<string, Credentials>;
        } catch {
          throw new CommandError('wrong_passphrase', t('err_backup_wrongPassphrase'), [{ field: 'passphrase', message: 'wrong' }]);
        }
      }
      // Re-encrypt under this profile's key before the one write transaction.
      const stores = (file.tables.stores ?? []) as StoreRow[];
      for (const store of stores) {
        const creds = secrets[String(store.id)];
        if (creds) store.secret = await encryptCredentials(db, creds);
        else {
          store.secret = { iv: '', data: '' };
          store.status = 'needs_reauthorization';
          store.statusReason = 'restored from a backup without credentials';
        }
      }
      const known = new Map(db.tables.map((t) => [t.name, t]));
      const unknown = Object.keys(file.tables).filter((n) => !known.has(n) || SKIP.has(n));
      if (unknown.length) throw new CommandError('invalid_backup', t('err_backup_unknownTables', unknown.join(', ')));
      let rows = 0;
      await db.transaction('rw', [...known.values()].filter((t) => file.tables[t.name]), async () => {
        for (const [name, list] of Object.entries(file.tables)) {
          if (!Array.isArray(list)) throw new CommandError('invalid_backup', t('err_backup_notList', name));
          await known.get(name)!.bulkPut(list);
          rows += list.length;
        }
      });
      invalidateAll();
      return { rows, stores: stores.length, storesWithCredentials: Object.keys(secrets).length };
    },
  }),
};
