// The shape of a platform profile: every per-platform fact another layer needs — how fast and in
// what batches the platform may be called, how the engine paces and gathers its pushes, the
// console pages the content scripts run on, the manifest's API hosts, the listing rules a new
// listing must meet, and how the UI names and colours it. One file per platform
// (lib/platforms/<platform>/profile.ts), gathered in profiles.ts; tests/unit/platforms/
// profiles.test.ts checks that nothing outside lib/platforms/<platform>/ keeps its own copy.
import type { Platform } from './types.ts';

/** What a new listing must satisfy on the platform (lib/drafts validates against it). */
export interface ListingLimits {
  titleMax: number;
  imagesMax: number;
  variantsMax: number;
  needsCategory: boolean;
  /** Category ids are numbers in the platform's category list (a name is refused). */
  categoryDigits: boolean;
  needsImages: boolean;
  needsWeight: boolean;
  needsDescription: boolean;
  descriptionMax: number;
  /** Seller SKU length the platform accepts. */
  skuMax: number;
  /** A seller SKU used by another listing of the same shop is refused. */
  skuUniqueInShop: boolean;
  /** Highest stock a variant may be created (and later pushed) with. */
  stockMax: number;
  /** Option names (Color, Size…) per listing. */
  optionsMax: number;
  optionNameMax: number;
  optionValueMax: number;
}

/** A limit the platform does not have. */
export const NO_LIMIT = 1_000_000_000;

export interface PlatformProfile {
  readonly platform: Platform;
  /** The platform's name as sellers know it, for sentences the background writes (English). */
  readonly name: string;
  /** The UI's name of the platform (a key of public/_locales/<lang>/messages.json). */
  readonly labelKey: `platform_${Platform}`;
  /** The platform's brand colour: its tag on the dashboard. */
  readonly color: string;
  readonly api: {
    /** Production API and token hosts (the manifest's host_permissions). A seller's own site
     *  (Shopify's custom domain, WooCommerce) is an optional permission asked for at run time. */
    readonly hostPermissions: readonly string[];
    /** Calls per second Shelfsync allows itself per store: the sync engine's spacing of stock
     *  calls (lib/sync/pacing.ts) and the adapter's own pacer (pacer.ts) read this one number. */
    readonly callsPerSecond: number;
    /** Most stock updates one stock call carries (adapter.planStockCalls). */
    readonly stockBatchMax: number;
    /** Most listings (or a default, where the platform has no maximum) per page of a download. */
    readonly productPageMax: number;
    /** Most orders per page of an order list. */
    readonly orderPageMax: number;
    /** A new listing's images are uploaded as bytes the background fetches (rather than URLs the
     *  platform fetches itself): the image sites need a host permission first. */
    readonly uploadsImageBytes: boolean;
  };
  readonly sync: {
    /** How long a lane waits after a store's first due change so the changes right behind it
     *  share its stock call (0: one listing per call gains nothing from waiting). */
    readonly gatherMs: number;
    /** How many queue rows one turn claims: about ten seconds of the store's calls, so a claim
     *  never outlives its turn and later changes coalesce in the queue. */
    readonly claimMax: number;
  };
  readonly console: {
    /** Production console pages (content-script matches, the context menu's patterns). */
    readonly matches: readonly string[];
    /** Whether a page on this host is the platform's console (URL parsing). */
    readonly isHost: (host: string) => boolean;
  };
  readonly listing: ListingLimits;
}

/** `https://host<path>` for every host: the match patterns of a host list. */
export const httpsPatterns = (hosts: readonly string[], path: string): string[] => hosts.map((h) => `https://${h}${path}`);
