// Clone → To be published → edit with autosave (flows 8 and 9) in the dashboard, over the real
// command dispatcher and a fake IndexedDB: the clone modal sends the chosen stores; the edit page
// saves by itself, survives a close right after typing, reloads on a stale version, and shows each
// problem on its field; system products become drafts for a chosen store.
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { draftSavesSettled } from '@/components/dashboard/drafts/useDraftAutosave';
import { setTransport } from '@/lib/commands/client';
import type { ShelfsyncDB } from '@/lib/db/database';
import type { StoreProductRow, StoreRow, StoreVariantRow } from '@/lib/db/types';
import { skuKeyOf } from '@/lib/db/versions';
import type { Platform } from '@/lib/platforms/types';
import { invalidateAll } from '@/lib/store-products/listIndex';
import { explainRefusal, failureOf } from '@/lib/drafts/refusals';
import { PlatformError } from '@/lib/platforms/types';
import { freshDb, ok, raw } from '../helpers/background';

// Generous: on a machine busy with other work the first render of the dashboard, and an edit
// page that also asks for the destination's catalogue, take well over the defaults.
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 90_000 });

let db: ShelfsyncDB;
let sent: { type: string; payload: any }[];
beforeEach(async () => {
  // An editor closed by the last test's cleanup flushes its save; let it end before the database
  // (whose ids start again at 1) is replaced, so it cannot land on this test's draft.
  await draftSavesSettled();
  db = await freshDb();
  invalidateAll();
  sent = [];
  setTransport((message) => {
    sent.push(message as { type: string; payload: any });
    return raw(message);
  });
  localStorage.clear();
  window.location.hash = '';
});

async function addStore(platform: Platform, name: string): Promise<number> {
  const row: Omit<StoreRow, 'id'> = {
    platform, name, region: null, status: 'active', statusReason: null, endpoints: { apiBaseUrl: 'http://127.0.0.1:9' } as StoreRow['endpoints'],
    shopRef: '', secret: { iv: '', data: '' }, autoSyncDefault: false, download: { lastCompletedStartedAt: null, last: null }, createdAt: 1, updatedAt: 1,
  };
  return db.stores.add(row as StoreRow);
}

async function addListing(storeId: number, itemId: string, title: string, skus: string[]): Promise<number> {
  const row: Omit<StoreProductRow, 'id'> = {
    storeId, platformItemId: itemId, title, status: 'active', gone: 0, imageUrl: 'https://img.example/a.jpg', imageUrls: ['https://img.example/a.jpg'], description: 'A bag',
    autoSync: 0, platformUpdatedAt: 1, extra: null, lastSeenJob: 0, updatedAt: 1,
  };
  const id = await db.storeProducts.add(row as StoreProductRow);
  for (const [i, sku] of skus.entries()) {
    const vr: Omit<StoreVariantRow, 'id'> = {
      storeId, storeProductId: id, platformItemId: itemId, platformVariantId: `${itemId}-${i}`, sellerSku: sku, sellerSkuKey: skuKeyOf(sku),
      productId: null, connected: 0, connectedBy: null, reason: 'no_matching_sku', candidateProductIds: [],
      price: 12.5 + i, platformStock: 4 + i, options: { Size: ['S', 'M', 'L'][i] ?? 'XL' }, ref: null, lastSync: null, failing: 0,
    };
    await db.storeVariants.add(vr as StoreVariantRow);
  }
  return id;
}

/** A Lazada draft cloned from a Shopee listing: it lacks the category Lazada needs. */
async function lazadaDraft(): Promise<{ lazada: number; draftId: number }> {
  const shopee = await addStore('shopee', 'Shopee Jakarta');
  const lazada = await addStore('lazada', 'Lazada SG');
  const listing = await addListing(shopee, '1001', 'Canvas Tote', ['TOTE-S', 'TOTE-M']);
  const { drafts } = await ok('storeProducts.clone', { storeProductIds: [listing], destinationStoreIds: [lazada] });
  return { lazada, draftId: drafts[0]!.id };
}

function openOptions(): HTMLElement[] {
  const open = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')].pop();
  return [...(open?.querySelectorAll<HTMLElement>('.ant-select-item-option') ?? [])];
}

/** Opens an antd Select (single or multiple) and clicks the options containing each text. */
async function choose(testId: string, texts: string[]) {
  const select = screen.getByTestId(testId);
  const box = within((select.closest('.ant-select') as HTMLElement) ?? select).getByRole('combobox');
  fireEvent.mouseDown(box);
  for (const text of texts) {
    const option = await waitFor(() => {
      const found = openOptions().find((o) => o.textContent?.includes(text));
      if (!found) throw new Error(`no option ${text}: ${openOptions().map((o) => o.textContent).join(' | ')}`);
      return found;
    });
    fireEvent.click(option);
  }
}

const saveState = () => screen.getByTestId('draft-save-state');
const hashParams = () => new URLSearchParams(window.location.hash.split('?')[1] ?? '');

describe('Clone', () => {
  it('sends the selected listings to the chosen stores and answers per destination with a way to its To be published', async () => {
    const shopee = await addStore('shopee', 'Shopee Jakarta');
    const lazada = await addStore('lazada', 'Lazada SG');
    const shopify = await addStore('shopify', 'Shopify Main');
    const listing = await addListing(shopee, '1001', 'Canvas Tote', ['TOTE-S', 'TOTE-M']);
    window.location.hash = `#/store-products?platform=shopee&store=${shopee}`;
    render(<DashboardApp />);

    const row = await screen.findByTestId('sp-row-1001');
    expect((screen.getByTestId('sp-clone') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(row).getByRole('checkbox'));
    fireEvent.click(screen.getByTestId('sp-clone'));
    await screen.findByText('Clone 1 listing to other stores');
    // Every store is offered, grouped by platform, the current one too.
    const select = screen.getByTestId('clone-stores');
    fireEvent.mouseDown(within(select.closest('.ant-select') as HTMLElement).getByRole('combobox'));
    // Named with the shop (unknown here: Shelfsync's store number), so stores called alike differ.
    await waitFor(() => expect(openOptions().map((o) => o.textContent)).toEqual([`Shopee Jakarta · #${shopee} (this store)`, `Lazada SG · #${lazada}`, `Shopify Main · #${shopify}`]));
    await choose('clone-stores', ['Lazada SG', 'Shopify Main']);
    fireEvent.click(screen.getByTestId('clone-confirm'));

    const result = await screen.findByTestId('clone-result');
    expect(sent.find((m) => m.type === 'storeProducts.clone')?.payload).toEqual({ storeProductIds: [listing], destinationStoreIds: [lazada, shopify] });
    expect(result.textContent).toMatch(/2 drafts made\./);
    expect(within(screen.getByTestId(`clone-result-${lazada}`)).getByText('1 draft')).toBeTruthy();
    expect(screen.getByTestId(`clone-open-${shopify}`).getAttribute('href')).toBe(`#/store-products?platform=shopify&store=${shopify}&view=drafts`);
    expect(await db.drafts.where('storeId').equals(lazada).count()).toBe(1);

    // The link leads to the destination's To be published, where the copy waits.
    fireEvent.click(screen.getByTestId(`clone-open-${lazada}`));
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts`;
    const draftRow = await screen.findByTestId(/^draft-row-/);
    expect(draftRow.textContent).toMatch(/Canvas Tote/);
    expect(draftRow.textContent).toMatch(/Cloned from Shopee Jakarta/);
    expect(draftRow.textContent).toMatch(/TOTE-STOTE-M/);
    // Lazada needs a category and a package weight, which a Shopee listing does not carry over.
    expect(within(draftRow).getByTestId(/^draft-problems-/).textContent).toBe('2 to fix');
  });

  it('says that a copy to another marketplace gets its images hosted there at release, and needs that marketplace\'s category, attributes and brand', async () => {
    const lazada = await addStore('lazada', 'Lazada SG');
    await addStore('shopee', 'Shopee Jakarta');
    await addListing(lazada, '2001', 'Lamp', ['LAMP-1']);
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}`;
    render(<DashboardApp />);
    fireEvent.click(within(await screen.findByTestId('sp-row-2001')).getByRole('checkbox'));
    fireEvent.click(screen.getByTestId('sp-clone'));
    await choose('clone-stores', ['Shopee Jakarta']);
    const note = await screen.findByTestId('clone-marketplace-note');
    expect(note.textContent).toMatch(/Release uploads the images into the marketplace's own image hosting/);
    expect(note.textContent).toMatch(/category, its required attributes and the brand/);
    // No longer the old claim that Shopee cannot take another platform's images.
    expect(note.textContent).not.toMatch(/only from images already uploaded/);
  });
});

describe('To be published', () => {
  it('explains how drafts get here when there are none', async () => {
    const lazada = await addStore('lazada', 'Lazada SG');
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts`;
    render(<DashboardApp />);
    const empty = await screen.findByTestId('sp-drafts-empty');
    expect(empty.textContent).toMatch(/Nothing waits to be published in Lazada SG/);
    expect(empty.textContent).toMatch(/select listings of any store and choose Clone/);
    expect(empty.textContent).toMatch(/Inventory → Products, select system products and choose "Create drafts for a store"/);
    expect(screen.getByTestId('draft-empty-products').getAttribute('href')).toBe('#/inventory/products');
  });

  it('deletes the selected drafts', async () => {
    const { lazada, draftId } = await lazadaDraft();
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts`;
    render(<DashboardApp />);
    fireEvent.click(within(await screen.findByTestId(`draft-row-${draftId}`)).getByRole('checkbox'));
    fireEvent.click(screen.getByTestId('draft-delete-selected'));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await screen.findByTestId('sp-drafts-empty');
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('the edit page', () => {
  it('opens from the title, saves a change by itself and shows Saved with the time', async () => {
    const { lazada, draftId } = await lazadaDraft();
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts`;
    render(<DashboardApp />);
    fireEvent.click(await screen.findByTestId(`draft-title-${draftId}`));
    await waitFor(() => expect(hashParams().get('draft')).toBe(String(draftId)));
    const title = (await screen.findByTestId('draft-title')) as HTMLInputElement;
    expect(title.value).toBe('Canvas Tote');
    expect(saveState().textContent).toBe('Changes save automatically');
    expect(screen.queryByRole('button', { name: /^save$/i })).toBeNull();

    fireEvent.change(title, { target: { value: 'Canvas Tote — large' } });
    await waitFor(() => expect([saveState().dataset.state, saveState().textContent]).toEqual(['saving', 'Saving…']));
    await waitFor(() => expect(saveState().dataset.state).toBe('saved'));
    expect(saveState().textContent).toMatch(/^Saved · \d\d:\d\d:\d\d$/);
    const saved = await db.drafts.get(draftId);
    expect(saved).toMatchObject({ title: 'Canvas Tote — large', version: 2 });
    // One save for the whole burst of typing, naming the version it was made on.
    expect(sent.filter((m) => m.type === 'drafts.update').map((m) => m.payload.version)).toEqual([1]);
    expect(localStorage.length).toBe(0);

    // Variants: change a SKU's stock, add one; all saved.
    fireEvent.change(screen.getByTestId('draft-variant-stock-1'), { target: { value: '9' } });
    fireEvent.click(screen.getByTestId('draft-variant-add'));
    fireEvent.change(await screen.findByTestId('draft-variant-sku-2'), { target: { value: 'TOTE-L' } });
    fireEvent.change(screen.getByTestId('draft-variant-price-2'), { target: { value: '15' } });
    await waitFor(async () => expect((await db.drafts.get(draftId))?.variants.map((v) => [v.sellerSku, v.stock, v.price])).toEqual([['TOTE-S', 0, 12.5], ['TOTE-M', 9, 13.5], ['TOTE-L', 0, 15]]));
  });

  it('keeps a change made right before closing: flushed on close, and re-applied from this computer when the save did not arrive', async () => {
    const { lazada, draftId } = await lazadaDraft();
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts&draft=${draftId}`;
    const view = render(<DashboardApp />);
    fireEvent.change(await screen.findByTestId('draft-title'), { target: { value: 'Typed then closed' } });
    // The copy on this computer exists from the first keystroke.
    expect(JSON.parse(localStorage.getItem(`shelfsync.draftEdit.${draftId}`)!).fields.title).toBe('Typed then closed');
    fireEvent.click(screen.getByTestId('draft-close'));
    await waitFor(() => expect(hashParams().get('draft')).toBeNull());
    await waitFor(async () => expect((await db.drafts.get(draftId))?.title).toBe('Typed then closed'));
    await waitFor(() => expect(localStorage.length).toBe(0));
    view.unmount();

    // The page died before its save arrived: only the copy on this computer has the change.
    localStorage.setItem(`shelfsync.draftEdit.${draftId}`, JSON.stringify({ baseVersion: 2, at: Date.now(), fields: { ...(await db.drafts.get(draftId))!, title: 'Lost in the tab close' } }));
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts&draft=${draftId}`;
    render(<DashboardApp />);
    await waitFor(() => expect((screen.getByTestId('draft-title') as HTMLInputElement).value).toBe('Lost in the tab close'));
    expect(screen.getByTestId('draft-notice').textContent).toMatch(/Your unsaved changes from \d\d:\d\d:\d\d were put back and saved/);
    await waitFor(async () => expect(await db.drafts.get(draftId)).toMatchObject({ title: 'Lost in the tab close', version: 3 }));
    await waitFor(() => expect(saveState().dataset.state).toBe('saved'));
  });

  it('offers (does not force) a copy made on a version that has changed since', async () => {
    const { lazada, draftId } = await lazadaDraft();
    await ok('drafts.update', { id: draftId, version: 1, title: 'Changed in another tab' });
    localStorage.setItem(`shelfsync.draftEdit.${draftId}`, JSON.stringify({ baseVersion: 1, at: Date.now(), fields: { ...(await db.drafts.get(draftId))!, title: 'Old local edit' } }));
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts&draft=${draftId}`;
    render(<DashboardApp />);
    const offer = await screen.findByTestId('draft-offer');
    expect((screen.getByTestId('draft-title') as HTMLInputElement).value).toBe('Changed in another tab');
    fireEvent.click(within(offer).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect((screen.getByTestId('draft-title') as HTMLInputElement).value).toBe('Old local edit'));
    expect(screen.queryByTestId('draft-offer')).toBeNull();
    await waitFor(async () => expect((await db.drafts.get(draftId))?.title).toBe('Old local edit'));
  });

  it('on a stale version says the draft changed elsewhere and reloads it instead of overwriting', async () => {
    const { lazada, draftId } = await lazadaDraft();
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts&draft=${draftId}`;
    render(<DashboardApp />);
    fireEvent.change(await screen.findByTestId('draft-title'), { target: { value: 'Mine' } });
    // Another tab saves first, while this page waits for the typing pause.
    await act(async () => {
      await ok('drafts.update', { id: draftId, version: 1, title: 'Theirs', brand: 'Acme' });
    });
    const notice = await screen.findByTestId('draft-notice');
    expect(notice.textContent).toMatch(/This draft was changed elsewhere .*the latest version was reloaded instead of overwriting it/);
    expect(sent.filter((m) => m.type === 'drafts.update').length).toBe(1);
    await waitFor(() => expect((screen.getByTestId('draft-title') as HTMLInputElement).value).toBe('Theirs'));
    expect((screen.getByTestId('draft-brand') as HTMLInputElement).value).toBe('Acme');
    expect(await db.drafts.get(draftId)).toMatchObject({ title: 'Theirs', version: 2 });
    expect(localStorage.length).toBe(0);

    // The next change goes on top of the reloaded version.
    fireEvent.change(screen.getByTestId('draft-title'), { target: { value: 'Theirs, then mine' } });
    await waitFor(async () => expect(await db.drafts.get(draftId)).toMatchObject({ title: 'Theirs, then mine', brand: 'Acme', version: 3 }));
  });

  it('shows each problem on its field, with Release disabled until they are fixed', async () => {
    const { lazada, draftId } = await lazadaDraft();
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts&draft=${draftId}`;
    render(<DashboardApp />);
    expect((await screen.findByTestId('draft-problem-categoryId')).textContent).toBe('Lazada needs a category for every listing; choose one.');
    expect(screen.getByTestId('draft-problem-weightGrams').textContent).toBe('Lazada needs the package weight (more than 0 g).');
    expect((screen.getByTestId('draft-release') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('draft-problem-count').textContent).toBe('2 things to fix before release');

    // A SKU emptied and a title over Lazada's 255 characters: both on their fields.
    fireEvent.change(screen.getByTestId('draft-variant-sku-1'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('draft-title'), { target: { value: 'x'.repeat(256) } });
    expect((await screen.findByTestId('draft-problem-variants.1.sellerSku')).textContent).toBe('Every variant needs a seller SKU (Shelfsync connects it by SKU).');
    await waitFor(() => expect(screen.getByTestId('draft-problem-title').textContent).toBe('Lazada allows at most 255 characters in a title; this one has 256.'));
    expect(screen.getByTestId('draft-problem-count').textContent).toBe('4 things to fix before release');

    // A category name where Lazada wants its id: said on the field.
    fireEvent.change(screen.getByTestId('draft-category'), { target: { value: 'Bags' } });
    await waitFor(() => expect(screen.getByTestId('draft-problem-categoryId').textContent).toBe('Lazada category ids are numbers (as in its category list); "Bags" is not one.'));

    fireEvent.change(screen.getByTestId('draft-variant-sku-1'), { target: { value: 'TOTE-M' } });
    fireEvent.change(screen.getByTestId('draft-title'), { target: { value: 'Canvas Tote' } });
    fireEvent.change(screen.getByTestId('draft-category'), { target: { value: '10002' } });
    fireEvent.change(screen.getByTestId('draft-weight'), { target: { value: '450' } });
    await waitFor(() => expect(screen.getByTestId('draft-problem-count').textContent).toBe('Ready to release.'));
    // The field is no longer marked (its help may linger while antd animates it out).
    await waitFor(() => expect(screen.getByTestId('draft-category').closest('.ant-form-item')!.className).not.toMatch(/has-warning|has-error/));
    expect((screen.getByTestId('draft-release') as HTMLButtonElement).disabled).toBe(false);
    // The background agrees once saved.
    await waitFor(async () => expect((await ok('drafts.get', { id: draftId })).validation).toEqual([]));
  });

  it('holds back an image address that is not one, says so, and saves the rest', async () => {
    const { lazada, draftId } = await lazadaDraft();
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts&draft=${draftId}`;
    render(<DashboardApp />);
    await screen.findByTestId('draft-title');
    fireEvent.click(screen.getByTestId('draft-image-add'));
    fireEvent.change(within(await screen.findByTestId('draft-image-1')).getByRole('textbox'), { target: { value: 'img.example/b.jpg' } });
    fireEvent.change(screen.getByTestId('draft-brand'), { target: { value: 'Acme' } });
    await waitFor(() => expect(saveState().dataset.state).toBe('failed'));
    expect(saveState().textContent).toBe('Not saved: image 2 is not a web address (it must start with http:// or https://).');
    expect(screen.getByTestId('draft-problem-imageUrls').textContent).toMatch(/^Image 2 is not a web address/);
    expect(await db.drafts.get(draftId)).toMatchObject({ brand: 'Acme', imageUrls: ['https://img.example/a.jpg'] });

    fireEvent.change(within(screen.getByTestId('draft-image-1')).getByRole('textbox'), { target: { value: 'https://img.example/b.jpg' } });
    await waitFor(() => expect(saveState().dataset.state).toBe('saved'));
    expect((await db.drafts.get(draftId))?.imageUrls).toEqual(['https://img.example/a.jpg', 'https://img.example/b.jpg']);
  });
});

describe('drafts from system products', () => {
  it('turns the selected system products into drafts for the chosen store, with a link there', async () => {
    const lazada = await addStore('lazada', 'Lazada SG');
    const a = (await ok('products.create', { sku: 'MUG-1', name: 'Mug', price: 9.5 })).id;
    const b = (await ok('products.create', { sku: 'MUG-2', name: 'Big mug', price: 11 })).id;
    await ok('products.create', { sku: 'PLATE-1', name: 'Plate' });
    window.location.hash = '#/inventory/products';
    render(<DashboardApp />);
    const button = (await screen.findByTestId('product-create-drafts')) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    for (const sku of ['MUG-1', 'MUG-2']) fireEvent.click(within(await screen.findByTestId(`product-row-${sku}`)).getByRole('checkbox'));
    expect(screen.getByTestId('product-selected-count').textContent).toMatch(/2 selected/);
    fireEvent.click(button);
    await choose('create-drafts-store', ['Lazada SG']);
    fireEvent.click(screen.getByTestId('create-drafts-confirm'));
    expect((await screen.findByTestId('create-drafts-result')).textContent).toMatch(/2 drafts made in Lazada SG\./);
    expect(sent.find((m) => m.type === 'drafts.fromProducts')?.payload).toEqual({ storeId: lazada, productIds: [a, b] });
    expect(screen.getByTestId('create-drafts-open').getAttribute('href')).toBe(`#/store-products?platform=lazada&store=${lazada}&view=drafts`);
    expect((await db.drafts.toArray()).map((d) => [d.title, d.variants[0]!.sellerSku, d.price])).toEqual([['Mug', 'MUG-1', 9.5], ['Big mug', 'MUG-2', 11]]);
  });
});

describe('what a copy says about its stock', () => {
  it('an unconnected variant starts at 0 and says Shelfsync does not manage it; a connected one in a store without a rule says so; a typed stock is the seller\'s', async () => {
    const shopee = await addStore('shopee', 'Shopee Jakarta');
    const lazada = await addStore('lazada', 'Lazada SG');
    const listing = await addListing(shopee, '1001', 'Canvas Tote', ['TOTE-S', 'TOTE-M']);
    // TOTE-M is connected to a system product; TOTE-S is not. Lazada SG has no sync rule.
    const productId = (await ok('products.create', { sku: 'TOTE-M', name: 'Tote M' })).id;
    const tm = (await db.storeVariants.where('storeProductId').equals(listing).filter((v) => v.sellerSku === 'TOTE-M').first())!;
    await db.storeVariants.update(tm.id, { productId, connected: 1, connectedBy: 'sku', reason: null });
    const { drafts } = await ok('storeProducts.clone', { storeProductIds: [listing], destinationStoreIds: [lazada] });
    const draftId = drafts[0]!.id;
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts&draft=${draftId}`;
    render(<DashboardApp />);

    // The source listing holds 4 and 5 on Shopee: none of it is carried over.
    await waitFor(() => expect((screen.getByTestId('draft-variant-stock-0') as HTMLInputElement).value).toBe('0'));
    expect((screen.getByTestId('draft-variant-stock-1') as HTMLInputElement).value).toBe('0');
    expect(screen.getByTestId('draft-variant-stock-note-0').textContent).toBe('Starts at 0: this variant is not connected to a system product, so Shelfsync does not manage its stock.');
    expect(screen.getByTestId('draft-variant-stock-note-1').textContent).toBe('Starts at 0: Lazada SG has no sync rule yet.');

    // The seller types a stock for the unconnected one: their number, saved, and the note goes.
    fireEvent.change(screen.getByTestId('draft-variant-stock-0'), { target: { value: '6' } });
    await waitFor(() => expect(screen.queryByTestId('draft-variant-stock-note-0')).toBeNull());
    await waitFor(async () => expect((await db.drafts.get(draftId))?.variants.map((v) => [v.stock, v.stockSource])).toEqual([[6, null], [0, 'no_rule']]));
    expect(screen.getByTestId('draft-variant-stock-note-1').textContent).toBe('Starts at 0: Lazada SG has no sync rule yet.');
  });
});

describe('a release the platform refused', () => {
  it('shows the sentence on the field it concerns, the platform\'s words under Details, in the editor and in To be published; the field stops showing it once changed', async () => {
    const shopee = await addStore('shopee', 'Shopee Jakarta');
    const lazada = await addStore('lazada', 'Lazada SG');
    const listing = await addListing(shopee, '1002', 'Desk lamp', ['LAMP-1']);
    const { drafts } = await ok('storeProducts.clone', { storeProductIds: [listing], destinationStoreIds: [lazada] });
    const draftId = drafts[0]!.id;
    await ok('drafts.update', { id: draftId, version: 1, categoryId: '10002', weightGrams: 800 });
    // What the release job stores when Lazada answers that the SKU is taken (tests/unit/drafts covers the job over HTTP).
    const draft = (await db.drafts.get(draftId))!;
    const raw = 'lazada /product/create: 4105 BIZ_CHECK_SELLER_SKU_DUPLICATE';
    const refusal = explainRefusal('lazada', new PlatformError('invalid', raw, { platformCode: '4105', httpStatus: 200 }), draft);
    expect(refusal.field).toBe('variants.0.sellerSku');
    await db.drafts.update(draftId, { status: 'failed', failure: failureOf(draft, refusal.message, refusal, Date.now()), version: draft.version + 1 });
    const sentence = 'Lazada already has a listing with this seller SKU (perhaps made since the store\'s last download), and every seller SKU must be unique in a shop: change the SKU, or download the store to see which listing uses it.';

    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts`;
    render(<DashboardApp />);
    expect((await screen.findByTestId(`draft-failure-${draftId}`)).textContent).toBe(sentence);
    expect(screen.getByTestId(`draft-failure-${draftId}`).textContent).not.toContain('4105');

    fireEvent.click(screen.getByTestId(`draft-title-${draftId}`));
    expect((await screen.findByTestId('draft-failure-message')).textContent).toBe(sentence);
    // The raw text is folded away under Details.
    expect(screen.queryByTestId('draft-failure-details-text')).toBeNull();
    fireEvent.click(within(screen.getByTestId('draft-failure-details')).getByText("Details (the platform's own words)"));
    expect((await screen.findByTestId('draft-failure-details-text')).textContent).toContain('4105 BIZ_CHECK_SELLER_SKU_DUPLICATE');
    // The SKU cell shows it, red.
    expect(screen.getByTestId('draft-problem-variants.0.sellerSku').textContent).toBe(sentence);
    expect(screen.getByTestId('draft-variant-sku-0').closest('.ant-form-item')!.className).toMatch(/has-error/);

    fireEvent.change(screen.getByTestId('draft-variant-sku-0'), { target: { value: 'LAMP-1-B' } });
    await waitFor(() => expect(screen.getByTestId('draft-variant-sku-0').closest('.ant-form-item')!.className).not.toMatch(/has-error|has-warning/));
    // The last release's story stays at the top until the next release.
    expect(screen.getByTestId('draft-failure-message').textContent).toBe(sentence);
    await waitFor(async () => expect((await db.drafts.get(draftId))?.variants[0]!.sellerSku).toBe('LAMP-1-B'));
  });
});

describe('a price more than ten times the saved one', () => {
  it('asks before saving, showing from → to; keeping the saved price puts it back, confirming saves it', async () => {
    const { lazada, draftId } = await lazadaDraft();
    window.location.hash = `#/store-products?platform=lazada&store=${lazada}&view=drafts&draft=${draftId}`;
    render(<DashboardApp />);
    const price = () => screen.getByTestId('draft-variant-price-0') as HTMLInputElement;
    await waitFor(() => expect(Number(price().value)).toBe(12.5));
    const updates = () => sent.filter((m) => m.type === 'drafts.update').length;

    // "601226" typed where 12.50 was: nothing is saved until the seller answers.
    fireEvent.change(price(), { target: { value: '601226' } });
    const list = await screen.findByTestId('draft-price-jump-list');
    expect(screen.getByText('Save a price more than ten times different?')).toBeTruthy();
    expect(list.textContent).toBe('Variant 1 (TOTE-S) price: 12.50 → 601,226.00');
    expect(updates()).toBe(0);
    expect(saveState().textContent).toBe('Not saved: a price changed more than tenfold; confirm it first.');
    expect((await db.drafts.get(draftId))?.variants[0]!.price).toBe(12.5);

    fireEvent.click(screen.getByTestId('draft-price-jump-undo'));
    await waitFor(() => expect(Number(price().value)).toBe(12.5));
    await waitFor(() => expect(saveState().dataset.state).toBe('saved'));
    expect((await db.drafts.get(draftId))?.variants[0]!.price).toBe(12.5);

    // Ten times exactly is a decision, not a slip: saved without a question.
    fireEvent.change(price(), { target: { value: '125' } });
    await waitFor(async () => expect((await db.drafts.get(draftId))?.variants[0]!.price).toBe(125));
    expect(screen.queryByTestId('draft-price-jump-list')).toBeNull();

    // Down more than tenfold, confirmed: saved as typed.
    fireEvent.change(price(), { target: { value: '1.2' } });
    expect((await screen.findByTestId('draft-price-jump-list')).textContent).toBe('Variant 1 (TOTE-S) price: 125.00 → 1.20');
    fireEvent.click(screen.getByTestId('draft-price-jump-confirm'));
    await waitFor(async () => expect((await db.drafts.get(draftId))?.variants[0]!.price).toBe(1.2));
    await waitFor(() => expect(saveState().dataset.state).toBe('saved'));
  });
});
