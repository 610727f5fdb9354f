// Scheduled pulls: one chrome.alarms alarm per enabled source. Alarms can vanish on a browser
// restart, so the sources table is the record and `reconcileSourceAlarms` rebuilds the alarms
// from it at every worker start.
import { browser } from 'wxt/browser';
import type { ShelfsyncDB } from '../db/database';
import type { InventorySourceRow } from '../db/types';

export const SOURCE_ALARM_PREFIX = 'inventory-source:';

export function alarmName(sourceId: number): string {
  return `${SOURCE_ALARM_PREFIX}${sourceId}`;
}

export async function scheduleSource(source: Pick<InventorySourceRow, 'id' | 'enabled' | 'intervalMinutes'>): Promise<void> {
  await browser.alarms.clear(alarmName(source.id));
  if (source.enabled) {
    await browser.alarms.create(alarmName(source.id), { periodInMinutes: source.intervalMinutes, delayInMinutes: source.intervalMinutes });
  }
}

export async function unscheduleSource(sourceId: number): Promise<void> {
  await browser.alarms.clear(alarmName(sourceId));
}

export async function reconcileSourceAlarms(db: ShelfsyncDB): Promise<void> {
  const sources = await db.inventorySources.toArray();
  const wanted = new Map(sources.filter((s) => s.enabled).map((s) => [alarmName(s.id), s]));
  for (const alarm of await browser.alarms.getAll()) {
    if (!alarm.name.startsWith(SOURCE_ALARM_PREFIX)) continue;
    const source = wanted.get(alarm.name);
    if (!source || alarm.periodInMinutes !== source.intervalMinutes) await browser.alarms.clear(alarm.name);
    else wanted.delete(alarm.name);
  }
  for (const source of wanted.values()) await scheduleSource(source);
}
