// Token lifecycle shared by Shopee, Lazada and TikTok: proactive refresh shortly before expiry,
// reactive refresh on the platform's expired-token error, one refresh at a time.
//
// Why single-flight and save-before-use: Shopee's refresh token works once and is replaced by
// the refresh answer. Two concurrent refreshes, or using the new token before it is persisted
// and then dying (service workers stop at will), would lose the only valid refresh token.

import { PlatformError } from './types.ts';

export const REFRESH_MARGIN_MS = 5 * 60_000;

/** The token-bearing credentials (Shopee, Lazada, TikTok). */
interface RefreshableCreds {
  platform: string;
  accessToken: string;
  accessTokenExpiresAt?: number;
}

export class TokenKeeper<C extends RefreshableCreds> {
  private inflight: Promise<C> | null = null;

  constructor(
    private readonly store: { get(): C; save(next: C): Promise<void> },
    private readonly refreshFn: (creds: C) => Promise<C>,
    private readonly now: () => number,
  ) {}

  /** Credentials to sign the next call with, refreshed first if they expire within 5 minutes. */
  async current(): Promise<C> {
    const creds = this.store.get();
    const exp = creds.accessTokenExpiresAt;
    if (exp !== undefined && exp - this.now() < REFRESH_MARGIN_MS) return this.refresh(creds.accessToken);
    return creds;
  }

  /** Refreshes unless someone already replaced `staleAccessToken`; shares one in-flight refresh. */
  async refresh(staleAccessToken: string): Promise<C> {
    if (this.inflight) return this.inflight;
    const creds = this.store.get();
    if (creds.accessToken !== staleAccessToken) return creds;
    this.inflight = (async () => {
      let next: C;
      try {
        next = await this.refreshFn(creds);
      } catch (err) {
        throw refreshFailure(creds.platform, err);
      }
      await this.store.save(next);
      return next;
    })();
    try {
      return await this.inflight;
    } finally {
      this.inflight = null;
    }
  }
}

/** A rejected refresh means re-authorize; a network blip or throttle during refresh stays
 *  transient, so one timeout does not mark the store "needs re-authorization". */
function refreshFailure(platform: string, err: unknown): PlatformError {
  if (err instanceof PlatformError && (err.kind === 'temporary' || err.kind === 'rate_limited')) return err;
  const msg = err instanceof Error ? err.message : String(err);
  const code = err instanceof PlatformError ? err.opts.platformCode : undefined;
  return new PlatformError('auth', `${platform}: token refresh failed: ${msg}`, { platformCode: code });
}
