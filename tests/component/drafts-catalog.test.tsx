// What a marketplace needs, on the draft edit page and in To be published, over the real command
// dispatcher and a fake IndexedDB whose stores' catalogues are cached (no platform call): the
// category picker (search over the tree, leaves only, the suggestion by the source category's
// words, the category remembered for that source category and store pair), the attributes as
// fields of their own kind with the required ones marked and their problems on them, the bulk
// "Set for selected", and in a release the images hosted so far and the image-site permission.
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { act } from 'react';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { AllowImagesButton, ReleaseImageProgress } from '@/components/dashboard/drafts/ReleaseImages';
import { draftSavesSettled } from '@/components/dashboard/drafts/useDraftAutosave';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { CatalogCacheRow, StoreProductRow, StoreRow } from '@/lib/db/types';
import type { CatalogCategory, CategoryRules, Credentials, Platform } from '@/lib/platforms/types';
import { encryptCredentials } from '@/lib/stores/secrets';
import { invalidateAll } from '@/lib/store-products/listIndex';
import { freshDb, ok, raw } from '../helpers/background';

// The first render of the dashboard in a test file is slow on a busy machine.
configure({ asyncUtilTimeout: 45_000 });
vi.setConfig({ testTimeout: 240_000 });

let db: ShelfsyncDB;
beforeEach(async () => {
  await draftSavesSettled();
  db = await freshDb();
  invalidateAll();
  setTransport((message) => raw(message));
  localStorage.clear();
  window.location.hash = '';
});

const CREDENTIALS: Record<string, Credentials> = {
  shopee: { platform: 'shopee', partnerId: '1', partnerKey: 'k', shopId: '2', accessToken: 'a', refreshToken: 'r', accessTokenExpiresAt: Date.now() + 86_400_000 },
  lazada: { platform: 'lazada', appKey: '1', appSecret: 's', accessToken: 'a', refreshToken: 'r', accessTokenExpiresAt: Date.now() + 86_400_000 },
};

async function addStore(platform: Platform, name: string): Promise<number> {
  const row: Omit<StoreRow, 'id'> = {
    platform, name, region: null, status: 'active', statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'],
    shopRef: '', secret: await encryptCredentials(db, CREDENTIALS[platform]!), autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
  };
  return db.stores.add(row as StoreRow);
}

/** A small tree (ids prefixed per platform: each numbers its own), cached as read today. */
function treeOf(prefix: string): CatalogCategory[] {
  const c = (id: string, parentId: string | null, name: string, leaf: boolean) => ({ id: prefix + id, parentId: parentId && prefix + parentId, name, leaf });
  return [
    c('1', null, 'Bags & Travel', false), c('11', '1', 'Handbags', false), c('111', '11', 'Tote Bags', true), c('112', '11', 'Shoulder Bags', true),
    c('12', '1', 'Wallets', false), c('121', '12', 'Long Wallets', true),
    c('2', null, 'Home & Living', false), c('21', '2', 'Kitchen & Dining', false), c('211', '21', 'Mugs', true),
  ];
}

const RULES: CategoryRules = {
  attributes: [
    { id: '501', name: 'Material', required: true, inputType: 'select', options: [{ id: '9001', name: 'Canvas' }, { id: '9002', name: 'Leather' }], custom: false },
    { id: '502', name: 'Capacity (L)', required: true, inputType: 'number', options: [], custom: false },
    { id: '503', name: 'Occasion', required: false, inputType: 'multiselect', options: [{ id: '9101', name: 'Work' }, { id: '9102', name: 'Travel' }, { id: '9103', name: 'Beach' }], custom: false },
    { id: '504', name: 'Model', required: true, inputType: 'text', options: [], custom: false },
  ],
  brand: { required: true, noBrandAllowed: true },
};

async function cache(storeId: number, kind: CatalogCacheRow['kind'], key: string, data: unknown) {
  await db.catalogCache.put({ storeId, kind, key, fetchedAt: Date.now(), data });
}

/** A Lazada store with a listing in "Tote Bags", a Shopee store, their catalogues cached, and
 *  `copies` drafts of the listing in the Shopee store. */
async function world(copies = 1) {
  const lazada = await addStore('lazada', 'Lazada SG');
  const shopee = await addStore('shopee', 'Shopee Jakarta');
  await cache(lazada, 'categories', '', treeOf('7'));
  await cache(shopee, 'categories', '', treeOf('8'));
  for (const leaf of ['8111', '8112', '8121', '8211']) {
    await cache(shopee, 'rules', leaf, RULES);
    await cache(shopee, 'brands', leaf, [{ id: '77', name: 'Aurora' }, { id: '78', name: 'Borealis' }]);
  }
  await cache(shopee, 'logistics', '', [{ id: '8001', name: 'J&T Express', enabled: true }, { id: '8002', name: 'SiCepat', enabled: false }]);
  const listings: number[] = [];
  for (let i = 0; i < copies; i++) {
    const row: Omit<StoreProductRow, 'id'> = {
      storeId: lazada, platformItemId: `30${i}`, title: `Canvas Tote ${i + 1}`, status: 'active', gone: 0, imageUrl: 'https://img.example/a.jpg', imageUrls: ['https://img.example/a.jpg'], description: 'A bag',
      autoSync: 0, platformUpdatedAt: 1, extra: { primaryCategory: '7111' }, lastSeenJob: 0, updatedAt: 1,
    };
    listings.push(await db.storeProducts.add(row as StoreProductRow));
  }
  const { drafts } = await ok('storeProducts.clone', { storeProductIds: listings, destinationStoreIds: [shopee] });
  return { lazada, shopee, draftIds: drafts.map((d) => d.id) };
}

const openEditor = (shopee: number, draftId: number) => {
  window.location.hash = `#/store-products?platform=shopee&store=${shopee}&view=drafts&draft=${draftId}`;
  render(<DashboardApp />);
};

function pickerInput(testId: string): HTMLInputElement {
  const el = screen.getByTestId(testId);
  return within((el.closest('.ant-select') as HTMLElement) ?? el).getByRole('combobox') as HTMLInputElement;
}
// (antd keeps an empty node for its open/close motion.)
const treeNodes = () => [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-treenode')].filter((n) => n.textContent);
const options = () => [...([...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')].pop()?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? [])];

async function choose(testId: string, texts: string[]) {
  fireEvent.mouseDown(pickerInput(testId));
  for (const text of texts) {
    const option = await waitFor(() => {
      const found = options().find((o) => o.textContent === text);
      if (!found) throw new Error(`no option ${text}: ${options().map((o) => o.textContent).join(' | ')}`);
      return found;
    });
    fireEvent.click(option);
  }
}

/** Types words into the category picker and answers the tree's nodes then shown. */
async function searchCategory(words: string, testId = 'draft-category-picker'): Promise<HTMLElement[]> {
  const input = pickerInput(testId);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value: words } });
  return waitFor(() => {
    const nodes = treeNodes();
    if (!nodes.length || nodes.some((n) => !n.textContent?.includes('›'))) throw new Error(`still browsing: ${nodes.map((n) => n.textContent).join(' | ')}`);
    return nodes;
  });
}

const problem = (field: string) => screen.queryByTestId(`draft-problem-${field}`)?.textContent ?? null;

describe('category picker', () => {
  it('searches the whole tree and offers only categories without subcategories, with their paths; the pick is saved', async () => {
    const { shopee, draftIds } = await world();
    openEditor(shopee, draftIds[0]!);
    await screen.findByTestId('draft-category-picker');
    expect(problem('categoryId')).toBe('Shopee needs a category for every listing; choose one.');

    // Browsing: a level with subcategories can be opened, not chosen.
    fireEvent.mouseDown(pickerInput('draft-category-picker'));
    const root = await waitFor(() => {
      const found = treeNodes().find((n) => n.textContent === 'Bags & Travel');
      if (!found) throw new Error(`no root: ${treeNodes().map((n) => n.textContent).join(' | ')}`);
      return found;
    });
    fireEvent.click(root.querySelector('.ant-select-tree-node-content-wrapper')!);
    await new Promise((r) => setTimeout(r, 800));
    expect(screen.getByTestId('draft-category-picker').closest('.ant-select')!.textContent).not.toContain('Bags & Travel');
    expect((await db.drafts.get(draftIds[0]!))?.categoryId).toBeNull();

    // Words: "handbags" names a category with subcategories; only its leaves come back, with paths.
    const hits = await searchCategory('handbags');
    expect(hits.map((n) => n.textContent)).toEqual(['Bags & Travel › Handbags › Shoulder Bags', 'Bags & Travel › Handbags › Tote Bags']);
    fireEvent.click(hits[0]!.querySelector('.ant-select-tree-node-content-wrapper')!);
    await waitFor(async () => expect((await db.drafts.get(draftIds[0]!))?.categoryId).toBe('8112'));
    // The chosen category reads as its path; its attributes follow.
    expect(screen.getByTestId('draft-category-picker').closest('.ant-select')!.textContent).toContain('Bags & Travel › Handbags › Shoulder Bags');
    expect(await screen.findByTestId('draft-attributes')).toBeTruthy();
    // The field is no longer marked (its help may linger while antd animates it out).
    await waitFor(() => expect(screen.getByTestId('draft-category-picker').closest('.ant-form-item')!.className).not.toMatch(/has-warning|has-error/));
  });

  it('suggests a leaf by the source category\'s words; the category chosen is remembered and offered first for the next copy of that source category', async () => {
    const { shopee, lazada, draftIds } = await world(2);
    openEditor(shopee, draftIds[0]!);
    const suggested = await screen.findByTestId('draft-category-suggested');
    expect(suggested.textContent).toBe('Suggested:Bags & Travel › Handbags › Tote BagsUse');
    expect(screen.queryByTestId('draft-category-remembered')).toBeNull();
    // The seller prefers another bag category.
    const shoulder = await searchCategory('shoulder');
    expect(shoulder.map((n) => n.textContent)).toEqual(['Bags & Travel › Handbags › Shoulder Bags']);
    fireEvent.click(shoulder[0]!.querySelector('.ant-select-tree-node-content-wrapper')!);
    await waitFor(async () => expect((await db.drafts.get(draftIds[0]!))?.categoryId).toBe('8112'));
    await waitFor(async () => expect((await db.settings.get(`categoryMap:${lazada}:${shopee}`))?.value).toMatchObject({ 7111: { categoryId: '8112' } }));

    // The second copy of a listing from the same Lazada category: that choice first, one click.
    window.location.hash = `#/store-products?platform=shopee&store=${shopee}&view=drafts&draft=${draftIds[1]!}`;
    const remembered = await screen.findByTestId('draft-category-remembered');
    expect(remembered.textContent).toBe('Chosen last time for this source category:Bags & Travel › Handbags › Shoulder BagsUse');
    fireEvent.click(screen.getByTestId('draft-category-use-remembered'));
    await waitFor(async () => expect((await db.drafts.get(draftIds[1]!))?.categoryId).toBe('8112'));
    await waitFor(() => expect(screen.queryByTestId('draft-category-remembered')).toBeNull());
  });
});

describe('attributes, brand and channels', () => {
  it('gives each attribute its kind of field, marks the required ones, shows their problems there, and saves options by id', async () => {
    const { shopee, draftIds } = await world();
    const d = await ok('drafts.get', { id: draftIds[0]! });
    await ok('drafts.update', { id: d.id, version: d.version, categoryId: '8111' });
    openEditor(shopee, d.id);
    const section = await screen.findByTestId('draft-attributes');
    // Kinds: a choice, a number, several choices, text.
    expect(within(section).getByTestId('draft-attr-501').closest('.ant-select')).toBeTruthy();
    expect(within(section).getByTestId('draft-attr-502').closest('.ant-input-number')).toBeTruthy();
    expect(within(section).getByTestId('draft-attr-503').closest('.ant-select-multiple')).toBeTruthy();
    expect((within(section).getByTestId('draft-attr-504') as HTMLInputElement).tagName).toBe('INPUT');
    // Required ones marked; Occasion is not.
    const required = [...section.querySelectorAll('.ant-form-item-required')].map((l) => l.textContent);
    expect(required).toEqual(['Material', 'Capacity (L)', 'Model']);
    expect(problem('attributes.501')).toBe('Shopee needs "Material" for listings in "Tote Bags".');
    expect(problem('attributes.502')).toBe('Shopee needs "Capacity (L)" for listings in "Tote Bags".');
    expect(problem('brand')).toBe('Shopee needs a brand for listings in "Tote Bags"; choose one, or No brand.');
    // The shop's enabled channel is chosen by default (SiCepat is off in this shop).
    await waitFor(async () => expect((await db.drafts.get(d.id))?.logisticsChannelIds).toEqual(['8001']));

    await choose('draft-attr-501', ['Canvas']);
    fireEvent.change(within(section).getByTestId('draft-attr-502'), { target: { value: '12' } });
    await choose('draft-attr-503', ['Work', 'Travel']);
    fireEvent.change(within(section).getByTestId('draft-attr-504'), { target: { value: 'Daytripper' } });
    await choose('draft-brand-picker', ['No brand']);
    await waitFor(() => expect(problem('attributes.501') ?? problem('attributes.502') ?? problem('brand')).toBeNull());
    await waitFor(async () => expect(await db.drafts.get(d.id)).toMatchObject({
      attributes: expect.arrayContaining([{ id: '501', value: '9001' }, { id: '502', value: '12' }, { id: '503', value: ['9101', '9102'] }, { id: '504', value: 'Daytripper' }]),
      brandId: '0',
    }));
    // The background agrees: nothing of the catalogue is left to fix.
    await waitFor(async () => expect((await ok('drafts.get', { id: d.id })).validation.filter((p) => p.field.startsWith('attributes.') || ['brand', 'logistics', 'categoryId'].includes(p.field))).toEqual([]));
  });
});

describe('Set for selected', () => {
  it('sets the category and brand on the selected drafts through drafts.setMany and says how many were set and which were left alone, and why', async () => {
    const { shopee, draftIds } = await world(3);
    window.location.hash = `#/store-products?platform=shopee&store=${shopee}&view=drafts`;
    render(<DashboardApp />);
    for (const id of draftIds) fireEvent.click(within(await screen.findByTestId(`draft-row-${id}`)).getByRole('checkbox'));
    // One starts being released after it was selected.
    await db.drafts.update(draftIds[2]!, { status: 'publishing' });
    fireEvent.click(screen.getByTestId('draft-bulk-set'));
    await screen.findByText('Set for 3 selected drafts');
    expect((screen.getByTestId('bulk-set-apply') as HTMLButtonElement).disabled).toBe(true);
    const [tote] = await searchCategory('tote', 'draft-category-picker');
    fireEvent.click(tote!.querySelector('.ant-select-tree-node-content-wrapper')!);
    await choose('draft-brand-picker', ['Aurora']);
    fireEvent.click(screen.getByTestId('bulk-set-apply'));

    const result = await screen.findByTestId('bulk-set-result');
    expect(result.textContent).toContain('Set on 2 drafts.');
    expect(screen.getByTestId('bulk-set-skipped').textContent).toBe('Canvas Tote 3: being released right now');
    for (const id of draftIds.slice(0, 2)) expect(await db.drafts.get(id)).toMatchObject({ categoryId: '8111', brandId: '77', brand: 'Aurora' });
    expect((await db.drafts.get(draftIds[2]!))?.categoryId).toBeNull();
  });
});

describe('release: images and the permission to read them', () => {
  it('shows per draft the images already in the marketplace\'s hosting, as release saves each one', async () => {
    const { draftIds } = await world();
    const draft = (await db.drafts.get(draftIds[0]!))!;
    const urls = ['https://img.example/a.jpg', 'https://img.example/b.jpg', 'https://img.example/c.jpg'];
    await db.drafts.update(draft.id, { imageUrls: urls, uploads: { [urls[0]!]: { ref: 'i1', url: 'https://cf.shopee/i1', at: 1 } } });
    render(<ReleaseImageProgress draftIds={[draft.id]} titles={new Map([[draft.id, 'Canvas Tote 1']])} imagesMax={9} />);
    expect((await screen.findByTestId(`release-images-${draft.id}`)).textContent).toBe('Canvas Tote 11 of 3 images');
    await act(async () => {
      await db.drafts.update(draft.id, { uploads: { [urls[0]!]: { ref: 'i1', url: 'https://cf.shopee/i1', at: 1 }, [urls[1]!]: { ref: 'i2', url: 'https://cf.shopee/i2', at: 2 } } });
    });
    await waitFor(() => expect(screen.getByTestId(`release-images-${draft.id}`).textContent).toBe('Canvas Tote 12 of 3 images'));
  });

  it('asks the browser for the image sites a refusal named, then releases again; says so when the seller says no', async () => {
    const asked: string[][] = [];
    let answer = false;
    (fakeBrowser as unknown as { permissions: unknown }).permissions = {
      request: async ({ origins }: { origins: string[] }) => {
        asked.push(origins);
        return answer;
      },
    };
    const retried: number[] = [];
    render(<AllowImagesButton draftId={5} details="https://img.example/* https://cdn.example/*" onRetry={async (id) => void retried.push(id)} />);
    fireEvent.click(screen.getByTestId('release-allow-images-5'));
    expect(await screen.findByText('The permission was not given; the images cannot be copied without it.')).toBeTruthy();
    expect(retried).toEqual([]);
    answer = true;
    fireEvent.click(screen.getByTestId('release-allow-images-5'));
    await waitFor(() => expect(retried).toEqual([5]));
    expect(asked).toEqual([['https://img.example/*', 'https://cdn.example/*'], ['https://img.example/*', 'https://cdn.example/*']]);
  });
});
