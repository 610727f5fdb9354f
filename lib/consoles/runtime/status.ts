// Asks the background for the status of the listings on the page: ids from every scan are
// collected and sent together (debounced, at most 500 per command); answers land in the store.
import { send } from '../../commands/client';
import { logger } from '../../log/logger';
import { recordPass } from './perf';
import type { ConsoleState } from './state';

const log = logger('console');
const MAX_IDS = 500;

export class StatusFeed {
  private wanted = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  stopped = false;
  /** Answers of the last batch (tests and the perf log wait on it). */
  last: Promise<void> = Promise.resolve();

  constructor(
    private readonly state: ConsoleState,
    /** Renders a store change at once (the UI's flushSync), so its cost is measured here. */
    private readonly commit: (fn: () => void) => void = (fn) => fn(),
    private readonly debounceMs = 30,
  ) {}

  /** Listings on the page: ask for those not asked yet (all of them with `force`). */
  want(ids: string[], force = false): void {
    for (const id of ids) if (force || !this.state.status.has(id)) this.wanted.add(id);
    if (this.wanted.size && this.timer === null && !this.stopped) this.timer = setTimeout(() => (this.last = this.flush()), this.debounceMs);
  }

  /** Asks now for these listings (after an action) and resolves when the store has the answer. */
  refresh(ids: string[]): Promise<void> {
    for (const id of ids) this.wanted.add(id);
    if (this.timer !== null) clearTimeout(this.timer);
    return (this.last = this.flush());
  }

  private async flush(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    const ids = [...this.wanted];
    this.wanted.clear();
    for (let i = 0; i < ids.length; i += MAX_IDS) {
      const chunk = ids.slice(i, i + MAX_IDS);
      const answer = await send('console.status', { platformItemIds: chunk });
      if (this.stopped) return;
      if (!answer.ok) {
        log.info(`listing status unavailable: ${answer.error.message}`);
        continue;
      }
      const byId = new Map(answer.data.items.map((it) => [it.platformItemId, it]));
      const t0 = performance.now();
      this.commit(() => this.state.setStatuses(chunk.map((id) => [id, byId.get(id) ?? null])));
      recordPass('status', chunk.length, performance.now() - t0);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
