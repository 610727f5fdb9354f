// system.* and jobs.*: health of the background and the progress of long work.
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { command, EXTENSION_ONLY } from '../commands/define';
import { notFound } from '../commands/errors';
import { id } from '../commands/schemas';
import { LATEST_VERSION } from '../db/versions';

const startedAt = Date.now();

export const systemCommands = {
  'system.ping': command({
    summary: 'check that the background answers',
    access: EXTENSION_ONLY,
    schema: z.object({}).strict().default({}),
    async handler() {
      return {
        version: browser.runtime.getManifest().version,
        schemaVersion: LATEST_VERSION,
        startedAt,
      };
    },
  }),

  'system.status': command({
    summary: 'read the state the popup shows',
    access: EXTENSION_ONLY,
    schema: z.object({}).strict().default({}),
    async handler(_input, { db }) {
      const [storeCount, warehouseCount, productCount] = await Promise.all([db.stores.count(), db.warehouses.count(), db.products.count()]);
      return { storeCount, warehouseCount, productCount };
    },
  }),

  'jobs.get': command({
    summary: 'read the progress of a job',
    access: EXTENSION_ONLY,
    schema: z.object({ id }).strict(),
    async handler({ id: jid }, { db }) {
      const job = await db.jobs.get(jid);
      if (!job) throw notFound('job', jid);
      const { input: _input, ...visible } = job;
      return visible;
    },
  }),
};
