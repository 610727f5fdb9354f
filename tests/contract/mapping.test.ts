// Mapping of answers shaped like each platform doc's examples, and of NewListing payloads.
import { describe, expect, it } from 'vitest';
import { lazadaCreatePayload, lazadaDetailFailures, lazadaStockXml, mapLazadaProduct } from '../../lib/platforms/lazada/mapping.ts';
import { mapShopeeItem, shopeeAddItemBody, shopeeSellerStock, shopeeTierVariationBody } from '../../lib/platforms/shopee/mapping.ts';
import { mapShopifyProduct, productSetInput, quantityErrors, setQuantitiesInput, updatedSinceQuery } from '../../lib/platforms/shopify/mapping.ts';
import { mapTiktokProduct, tiktokCreateBody, tiktokInventoryBody, tiktokSkuErrors } from '../../lib/platforms/tiktok/mapping.ts';
import { mapWooProduct, wooBatchBody, wooBatchPath, wooProductBody, wooVariationsCreate } from '../../lib/platforms/woocommerce/mapping.ts';
import type { NewListing } from '../../lib/platforms/types.ts';

const listing: NewListing = {
  title: 'Tee',
  description: 'Cotton tee',
  imageUrls: ['https://img.example/1.jpg'],
  price: 10,
  categoryId: '100',
  weightGrams: 250,
  variants: [
    { sellerSku: 'TEE-S', price: 10, stock: 3, options: { Size: 'S' } },
    { sellerSku: 'TEE-M', price: 11, stock: 4, options: { Size: 'M' } },
  ],
};

describe('shopee mapping', () => {
  it('item without models: one variant id 0, seller stock summed, locations in ref', () => {
    const item = mapShopeeItem({
      item_id: 800123,
      item_sku: 'MUG-1',
      item_name: 'Mug',
      item_status: 'UNLIST',
      update_time: 1700000000,
      has_model: false,
      image: { image_url_list: ['https://cf.shopee/1'] },
      price_info: [{ currency: 'SGD', original_price: 12.5, current_price: 10 }],
      stock_info_v2: { summary_info: { total_reserved_stock: 0, total_available_stock: 9 }, seller_stock: [{ location_id: 'SGZ', stock: 7 }, { location_id: 'SGX', stock: 2 }] },
    });
    expect(item).toMatchObject({ platformItemId: '800123', title: 'Mug', status: 'inactive', updatedAt: 1700000000000, imageUrls: ['https://cf.shopee/1'] });
    expect(item.variants).toEqual([{ platformVariantId: '0', sellerSku: 'MUG-1', price: 12.5, stock: 9, ref: { locationIds: ['SGZ', 'SGX'] } }]);
  });
  it('item with models: options from tier_index', () => {
    const item = mapShopeeItem(
      { item_id: 1, item_name: 'Tee', item_status: 'SELLER_DELETE', update_time: 1, has_model: true },
      {
        tier_variation: [{ name: 'Size', option_list: [{ option: 'S' }, { option: 'M' }] }],
        model: [
          { model_id: 11, model_sku: 'TEE-M', tier_index: [1], price_info: [{ original_price: 11 }], stock_info_v2: { seller_stock: [{ stock: 4 }] } },
        ],
      },
    );
    expect(item.status).toBe('deleted');
    expect(item.variants).toEqual([{ platformVariantId: '11', sellerSku: 'TEE-M', price: 11, stock: 4, options: { Size: 'M' }, ref: { locationIds: [] } }]);
  });
  it('seller_stock: total at the first location, others 0; none → no location_id', () => {
    expect(shopeeSellerStock(5, [])).toEqual([{ stock: 5 }]);
    expect(shopeeSellerStock(5, ['A', 'B'])).toEqual([{ location_id: 'A', stock: 5 }, { location_id: 'B', stock: 0 }]);
  });
  it('add_item and init_tier_variation bodies', () => {
    expect(shopeeAddItemBody(listing)).toMatchObject({ item_name: 'Tee', original_price: 10, weight: 0.25, category_id: 100, item_status: 'NORMAL', item_sku: 'TEE-S' });
    expect(shopeeTierVariationBody('77', listing)).toEqual({
      item_id: 77,
      tier_variation: [{ name: 'Size', option_list: [{ option: 'S' }, { option: 'M' }] }],
      model: [
        { tier_index: [0], original_price: 10, model_sku: 'TEE-S', seller_stock: [{ stock: 3 }] },
        { tier_index: [1], original_price: 11, model_sku: 'TEE-M', seller_stock: [{ stock: 4 }] },
      ],
    });
  });
});

describe('lazada mapping', () => {
  it('product with skus and warehouses', () => {
    const item = mapLazadaProduct({
      item_id: 3001,
      status: 'Active',
      created_time: '1600000000000',
      updated_time: '1700000000000',
      images: ['https://lzd/1.jpg'],
      attributes: { name: 'Bag', description: '<p>bag</p>' },
      skus: [{ SkuId: 9, SellerSku: 'BAG-1', ShopSku: '3001_SG-9', quantity: 6, price: 20, special_price: 18, Status: 'active', multiWarehouseInventories: [{ warehouseCode: 'dropshipping', quantity: 6, sellableQuantity: 6 }] }],
    });
    expect(item).toMatchObject({ platformItemId: '3001', title: 'Bag', status: 'active', updatedAt: 1700000000000, description: '<p>bag</p>' });
    expect(item.variants).toEqual([{ platformVariantId: '9', sellerSku: 'BAG-1', price: 20, stock: 6, ref: { shopSku: '3001_SG-9', warehouseCodes: ['dropshipping'] } }]);
  });
  it('stock payload is the documented XML, escaped', () => {
    expect(lazadaStockXml([{ platformItemId: '1', platformVariantId: '2', sellerSku: 'A&B', quantity: 10 }])).toBe(
      '<Request><Product><Skus><Sku><ItemId>1</ItemId><SkuId>2</SkuId><SellerSku>A&amp;B</SellerSku><Quantity>10</Quantity></Sku></Skus></Product></Request>',
    );
  });
  it('detail failures keyed by seller_sku', () => {
    const f = lazadaDetailFailures([{ field: 'SellerSku', message: 'quantity below reserved', seller_sku: 'X' }]);
    expect(f.bySku.get('X')).toBe('quantity below reserved');
  });
  it('create payload JSON', () => {
    const p = JSON.parse(lazadaCreatePayload(listing)) as { Request: { Product: Record<string, unknown> } };
    expect(p.Request.Product).toMatchObject({
      PrimaryCategory: '100',
      Attributes: { name: 'Tee', description: 'Cotton tee' },
      Skus: { Sku: [{ SellerSku: 'TEE-S', quantity: 3, price: 10, package_weight: 0.25, Size: 'S' }, { SellerSku: 'TEE-M', quantity: 4, price: 11 }] },
    });
  });
});

describe('tiktok mapping', () => {
  it('search product with skus, warehouses summed', () => {
    const item = mapTiktokProduct({
      id: '17290001',
      title: 'Cap',
      status: 'ACTIVATE',
      create_time: 1690000000,
      update_time: 1700000000,
      skus: [{ id: '17291', seller_sku: 'CAP-1', price: { currency: 'USD', sale_price: '9.90' }, inventory: [{ warehouse_id: 'W1', quantity: 3 }, { warehouse_id: 'W2', quantity: 2 }] }],
    });
    expect(item).toMatchObject({ platformItemId: '17290001', status: 'active', updatedAt: 1700000000000 });
    expect(item.variants[0]).toEqual({ platformVariantId: '17291', sellerSku: 'CAP-1', price: 9.9, stock: 5, ref: { warehouseIds: ['W1', 'W2'], currency: 'USD' } });
    expect(mapTiktokProduct({ id: '1', status: 'DELETED' }).status).toBe('deleted');
  });
  it('inventory body names every warehouse; errors per sku', () => {
    expect(tiktokInventoryBody([{ platformItemId: 'p', platformVariantId: 's1', sellerSku: 'A', quantity: 7 }], () => ['W1', 'W2'])).toEqual({
      skus: [{ id: 's1', inventory: [{ warehouse_id: 'W1', quantity: 7 }, { warehouse_id: 'W2', quantity: 0 }] }],
    });
    const e = tiktokSkuErrors({ errors: [{ code: 12019038, message: 'bad', detail: { sku_id: 's1' } }] });
    expect(e.bySku.get('s1')).toEqual({ code: '12019038', message: 'bad' });
  });
  it('create body', () => {
    expect(tiktokCreateBody(listing, 'W1', 'USD')).toMatchObject({
      title: 'Tee',
      category_id: '100',
      skus: [
        { seller_sku: 'TEE-S', sales_attributes: [{ name: 'Size', value_name: 'S' }], price: { amount: '10', currency: 'USD' }, inventory: [{ warehouse_id: 'W1', quantity: 3 }] },
        { seller_sku: 'TEE-M' },
      ],
    });
  });
});

describe('shopify mapping', () => {
  it('product node with variants: the featured media preview is the image, stock is available at the synced location', () => {
    const item = mapShopifyProduct({
      id: 'gid://shopify/Product/1',
      title: 'Sock',
      status: 'ARCHIVED',
      updatedAt: '2026-01-02T03:04:05Z',
      featuredMedia: { preview: { image: { url: 'https://cdn.shopify/x.jpg' } } },
      variants: { nodes: [{ id: 'gid://shopify/ProductVariant/11', sku: 'SOCK-1', price: '4.50', inventoryItem: { id: 'gid://shopify/InventoryItem/111', inventoryLevel: { quantities: [{ quantity: 12 }] } } }] },
    });
    expect(item).toMatchObject({ platformItemId: 'gid://shopify/Product/1', status: 'inactive', updatedAt: Date.parse('2026-01-02T03:04:05Z'), imageUrls: ['https://cdn.shopify/x.jpg'] });
    expect(item.variants[0]).toEqual({ platformVariantId: 'gid://shopify/ProductVariant/11', sellerSku: 'SOCK-1', price: 4.5, stock: 12, ref: { inventoryItemId: 'gid://shopify/InventoryItem/111' } });
    // Not stocked at that location: no level, 0 available there.
    expect(mapShopifyProduct({ id: 'p', variants: { nodes: [{ id: 'v', inventoryItem: { id: 'i', inventoryLevel: null } }] } }).variants[0]?.stock).toBe(0);
  });
  it('inventorySetQuantities input per version and userErrors by index', () => {
    const group = [{ platformItemId: 'p', platformVariantId: 'v', sellerSku: 'S', quantity: 3, ref: { inventoryItemId: 'I' } }];
    expect(setQuantitiesInput(group, 'L', '2026-10')).toEqual({ name: 'available', reason: 'correction', quantities: [{ inventoryItemId: 'I', locationId: 'L', quantity: 3, changeFromQuantity: null }] });
    // 2025-10 has no changeFromQuantity: the compare is switched off with ignoreCompareQuantity.
    expect(setQuantitiesInput(group, 'L', '2025-10')).toEqual({ name: 'available', reason: 'correction', ignoreCompareQuantity: true, quantities: [{ inventoryItemId: 'I', locationId: 'L', quantity: 3 }] });
    const e = quantityErrors([{ code: 'INVALID', field: ['input', 'quantities', '2', 'inventoryItemId'], message: 'nope' }]);
    expect(e.byIndex.get(2)?.message).toBe('nope');
    expect(updatedSinceQuery(Date.parse('2026-01-01T00:00:00.750Z'))).toBe("updated_at:>='2026-01-01T00:00:00Z'");
  });
  it('productSet input', () => {
    expect(productSetInput(listing, 'L')).toMatchObject({
      title: 'Tee',
      productOptions: [{ name: 'Size', values: [{ name: 'S' }, { name: 'M' }] }],
      variants: [
        { sku: 'TEE-S', price: '10', optionValues: [{ optionName: 'Size', name: 'S' }], inventoryQuantities: [{ locationId: 'L', name: 'available', quantity: 3 }] },
        { sku: 'TEE-M' },
      ],
    });
  });
});

describe('woocommerce mapping', () => {
  it('simple product is its own variant', () => {
    const item = mapWooProduct({ id: 10, name: 'Pen', sku: 'PEN', type: 'simple', status: 'publish', regular_price: '2.50', stock_quantity: 8, images: [{ src: 'https://s/p.jpg' }], date_modified_gmt: '2026-01-01T10:00:00' });
    expect(item).toMatchObject({ platformItemId: '10', status: 'active', updatedAt: Date.parse('2026-01-01T10:00:00Z') });
    expect(item.variants).toEqual([{ platformVariantId: '10', sellerSku: 'PEN', price: 2.5, stock: 8, ref: { kind: 'product' } }]);
  });
  it('variable product maps its variations', () => {
    const item = mapWooProduct({ id: 20, name: 'Shirt', type: 'variable', status: 'draft', variations: [21] }, [
      { id: 21, sku: 'SH-S', regular_price: '9', manage_stock: true, stock_quantity: null, attributes: [{ name: 'Size', option: 'S' }] },
    ]);
    expect(item.status).toBe('inactive');
    expect(item.variants).toEqual([{ platformVariantId: '21', sellerSku: 'SH-S', price: 9, stock: 0, options: { Size: 'S' }, ref: { kind: 'variation' } }]);
  });
  it('batch endpoints and bodies', () => {
    expect(wooBatchPath({ platformItemId: '10', platformVariantId: '10', ref: { kind: 'product' } })).toBe('/products/batch');
    expect(wooBatchPath({ platformItemId: '20', platformVariantId: '21' })).toBe('/products/20/variations/batch');
    expect(wooBatchBody([{ platformItemId: '10', platformVariantId: '10', sellerSku: 'P', quantity: 4 }])).toEqual({ update: [{ id: 10, stock_quantity: 4, manage_stock: true }] });
    expect(wooProductBody(listing)).toMatchObject({ type: 'variable', attributes: [{ name: 'Size', options: ['S', 'M'], variation: true }] });
    expect(wooVariationsCreate(listing)[1]).toEqual({ sku: 'TEE-M', regular_price: '11', manage_stock: true, stock_quantity: 4, attributes: [{ name: 'Size', option: 'M' }] });
    expect(wooProductBody({ ...listing, variants: [{ sellerSku: 'ONE', price: 5, stock: 2 }] })).toMatchObject({ type: 'simple', sku: 'ONE', regular_price: '5', stock_quantity: 2, manage_stock: true });
  });
});
