// The marketplaces' catalogues, made up but deterministic: one category tree (10 roots × 6
// groups × 5 leaves = 370 categories) that Shopee, Lazada and TikTok each number their own way,
// the attributes of every leaf (some mandatory), a brand list, Shopee's logistics channels. The
// same input always gives the same ids, so tests and the demo can name categories.
// Platform shapes are in platforms/{shopee,lazada,tiktok}-catalog.ts; this file is neutral.

export type CatalogPlatform = 'shopee' | 'lazada' | 'tiktok';

export interface Category {
  id: string;
  parentId: string;
  name: string;
  leaf: boolean;
  /** Index of its root (0..9): brands and "No brand" rules go by root. */
  root: number;
  /** Path of names from the root, for tests and the control API. */
  path: string[];
}

export type AttrInput = 'select' | 'multiselect' | 'text' | 'number';
export interface AttrDef {
  /** Neutral key; each platform derives its own id (Shopee numbers, Lazada names, TikTok numbers). */
  key: string;
  name: string;
  input: AttrInput;
  required: boolean;
  /** Lazada: a SKU-level attribute (package size). */
  sku?: boolean;
  /** Free values accepted besides the options (Shopee COMBO_BOX, TikTok is_customizable). */
  custom?: boolean;
  options: string[];
}

const TREE: [string, [string, string[]][]][] = [
  ['Home & Living', [
    ['Kitchen & Dining', ['Mugs', 'Water Bottles', 'Cutting Boards', 'Cookware', 'Cutlery']],
    ['Home Decor', ['Candles', 'Plant Pots', 'Vases', 'Wall Art', 'Clocks']],
    ['Bedding', ['Pillows', 'Blankets', 'Bed Sheets', 'Duvet Covers', 'Mattress Toppers']],
    ['Storage & Organisation', ['Storage Boxes', 'Hangers', 'Laundry Baskets', 'Shelves', 'Drawer Organisers']],
    ['Lighting', ['Desk Lamps', 'Floor Lamps', 'Ceiling Lights', 'Fairy Lights', 'Night Lights']],
    ['Bathroom', ['Towels', 'Bath Mats', 'Shower Curtains', 'Soap Dispensers', 'Toothbrush Holders']],
  ]],
  ['Women Clothes', [
    ['Tops', ['T-Shirts', 'Blouses', 'Tank Tops', 'Crop Tops', 'Shirts']],
    ['Dresses', ['Maxi Dresses', 'Mini Dresses', 'Midi Dresses', 'Party Dresses', 'Casual Dresses']],
    ['Outerwear', ['Jackets', 'Coats', 'Cardigans', 'Blazers', 'Vests']],
    ['Bottoms', ['Jeans', 'Skirts', 'Shorts', 'Leggings', 'Trousers']],
    ['Sleepwear', ['Pyjamas', 'Nightgowns', 'Robes', 'Sleep Shorts', 'Sleep Masks']],
    ['Accessories', ['Scarves', 'Hats', 'Belts', 'Gloves', 'Hair Accessories']],
  ]],
  ['Men Clothes', [
    ['Tops', ['T-Shirts', 'Polo Shirts', 'Shirts', 'Hoodies', 'Sweaters']],
    ['Bottoms', ['Jeans', 'Chinos', 'Shorts', 'Joggers', 'Trousers']],
    ['Outerwear', ['Jackets', 'Coats', 'Windbreakers', 'Vests', 'Blazers']],
    ['Underwear', ['Boxers', 'Briefs', 'Undershirts', 'Socks', 'Thermal Wear']],
    ['Sportswear', ['Sports Shirts', 'Sports Shorts', 'Track Suits', 'Compression Wear', 'Swimwear']],
    ['Accessories', ['Ties', 'Caps', 'Belts', 'Scarves', 'Cufflinks']],
  ]],
  ['Bags & Travel', [
    ['Backpacks', ['Laptop Backpacks', 'School Backpacks', 'Hiking Backpacks', 'Mini Backpacks', 'Anti-theft Backpacks']],
    ['Handbags', ['Tote Bags', 'Shoulder Bags', 'Clutches', 'Crossbody Bags', 'Bucket Bags']],
    ['Wallets', ['Long Wallets', 'Bifold Wallets', 'Card Holders', 'Coin Purses', 'Passport Holders']],
    ['Luggage', ['Suitcases', 'Carry-ons', 'Duffel Bags', 'Luggage Tags', 'Packing Cubes']],
    ['Travel Accessories', ['Travel Pillows', 'Toiletry Bags', 'Luggage Locks', 'Travel Adapters', 'Eye Masks']],
    ['Sports Bags', ['Gym Bags', 'Drawstring Bags', 'Waist Bags', 'Racket Bags', 'Yoga Mat Bags']],
  ]],
  ['Shoes', [
    ['Men Shoes', ['Sneakers', 'Loafers', 'Boots', 'Sandals', 'Formal Shoes']],
    ['Women Shoes', ['Sneakers', 'Heels', 'Flats', 'Boots', 'Sandals']],
    ['Kids Shoes', ['School Shoes', 'Sneakers', 'Sandals', 'Boots', 'Slippers']],
    ['Sports Shoes', ['Running Shoes', 'Basketball Shoes', 'Football Boots', 'Hiking Shoes', 'Tennis Shoes']],
    ['Shoe Care', ['Shoe Cleaners', 'Insoles', 'Shoe Horns', 'Shoe Trees', 'Laces']],
    ['Slippers', ['House Slippers', 'Flip Flops', 'Slides', 'Bath Slippers', 'Fur Slippers']],
  ]],
  ['Electronics', [
    ['Audio', ['Headphones', 'Earbuds', 'Speakers', 'Soundbars', 'Microphones']],
    ['Phone Accessories', ['Phone Cases', 'Screen Protectors', 'Chargers', 'Cables', 'Power Banks']],
    ['Computer Accessories', ['Keyboards', 'Mice', 'Mouse Pads', 'Webcams', 'USB Hubs']],
    ['Wearables', ['Smartwatches', 'Fitness Trackers', 'Watch Straps', 'Smart Rings', 'VR Headsets']],
    ['Cameras', ['Action Cameras', 'Instant Cameras', 'Camera Bags', 'Tripods', 'Memory Cards']],
    ['Smart Home', ['Smart Plugs', 'Smart Bulbs', 'Security Cameras', 'Door Bells', 'Sensors']],
  ]],
  ['Beauty & Personal Care', [
    ['Skincare', ['Cleansers', 'Moisturisers', 'Serums', 'Sunscreen', 'Face Masks']],
    ['Makeup', ['Lipsticks', 'Foundations', 'Mascaras', 'Eyeshadows', 'Blushes']],
    ['Hair Care', ['Shampoos', 'Conditioners', 'Hair Oils', 'Hair Dryers', 'Hair Brushes']],
    ['Fragrance', ['Perfumes', 'Body Mists', 'Colognes', 'Deodorants', 'Scented Oils']],
    ['Bath & Body', ['Body Wash', 'Body Lotions', 'Soaps', 'Bath Bombs', 'Scrubs']],
    ['Tools', ['Makeup Brushes', 'Mirrors', 'Tweezers', 'Nail Clippers', 'Sponges']],
  ]],
  ['Stationery & Office', [
    ['Writing', ['Pens', 'Pencils', 'Markers', 'Highlighters', 'Fountain Pens']],
    ['Paper', ['Notebooks', 'Sticky Notes', 'Planners', 'Sketchbooks', 'Envelopes']],
    ['Desk Accessories', ['Desk Organisers', 'Staplers', 'Tape Dispensers', 'Pen Holders', 'Bookends']],
    ['Art Supplies', ['Paints', 'Brushes', 'Canvases', 'Colour Pencils', 'Crayons']],
    ['Filing', ['Folders', 'Binders', 'Document Trays', 'Labels', 'Clipboards']],
    ['School Supplies', ['Pencil Cases', 'Erasers', 'Rulers', 'Calculators', 'Lunch Boxes']],
  ]],
  ['Sports & Outdoors', [
    ['Fitness', ['Yoga Mats', 'Dumbbells', 'Resistance Bands', 'Jump Ropes', 'Foam Rollers']],
    ['Camping', ['Tents', 'Sleeping Bags', 'Camping Chairs', 'Lanterns', 'Coolers']],
    ['Cycling', ['Bike Helmets', 'Bike Lights', 'Bike Locks', 'Cycling Gloves', 'Bottle Cages']],
    ['Water Sports', ['Swim Goggles', 'Snorkels', 'Life Jackets', 'Dry Bags', 'Surfboards']],
    ['Team Sports', ['Footballs', 'Basketballs', 'Volleyballs', 'Shin Guards', 'Jerseys']],
    ['Outdoor Gear', ['Water Bottles', 'Hiking Poles', 'Headlamps', 'Compasses', 'Multi-tools']],
  ]],
  ['Toys & Games', [
    ['Building Toys', ['Building Blocks', 'Magnetic Tiles', 'Model Kits', 'Marble Runs', 'Construction Sets']],
    ['Dolls & Figures', ['Dolls', 'Action Figures', 'Doll Houses', 'Plush Toys', 'Puppets']],
    ['Board Games', ['Strategy Games', 'Card Games', 'Family Games', 'Puzzles', 'Chess Sets']],
    ['Outdoor Toys', ['Kites', 'Water Guns', 'Bubbles', 'Sandbox Toys', 'Scooters']],
    ['Educational Toys', ['STEM Kits', 'Learning Tablets', 'Flash Cards', 'Science Kits', 'Musical Toys']],
    ['Baby Toys', ['Rattles', 'Teethers', 'Activity Gyms', 'Bath Toys', 'Stacking Toys']],
  ]],
];

const ID_BASE: Record<CatalogPlatform, (n: number) => string> = {
  shopee: (n) => String(100_000 + n * 7 + 3),
  lazada: (n) => String(10_000 + n * 11 + 1),
  tiktok: (n) => String(600_000 + n * 13 + 1),
};

const trees = new Map<CatalogPlatform, { list: Category[]; byId: Map<string, Category> }>();

/** The platform's whole tree, roots first, each node before its children. */
export function categoryTree(platform: CatalogPlatform): { list: Category[]; byId: Map<string, Category> } {
  const cached = trees.get(platform);
  if (cached) return cached;
  const list: Category[] = [];
  let n = 0;
  const idOf = ID_BASE[platform];
  TREE.forEach(([rootName, groups], r) => {
    const root: Category = { id: idOf(n++), parentId: '0', name: rootName, leaf: false, root: r, path: [rootName] };
    list.push(root);
    for (const [groupName, leaves] of groups) {
      const group: Category = { id: idOf(n++), parentId: root.id, name: groupName, leaf: false, root: r, path: [rootName, groupName] };
      list.push(group);
      for (const leafName of leaves) list.push({ id: idOf(n++), parentId: group.id, name: leafName, leaf: true, root: r, path: [rootName, groupName, leafName] });
    }
  });
  const t = { list, byId: new Map(list.map((c) => [c.id, c])) };
  trees.set(platform, t);
  return t;
}

/** First leaf whose path contains every word (case-insensitive): how tests name a category. */
export function findLeaf(platform: CatalogPlatform, ...words: string[]): Category {
  const w = words.map((x) => x.toLowerCase());
  const c = categoryTree(platform).list.find((x) => x.leaf && w.every((word) => x.path.join(' / ').toLowerCase().includes(word)));
  if (!c) throw new Error(`no ${platform} leaf category matching ${words.join(' ')}`);
  return c;
}

const COUNTRIES = ['China', 'Indonesia', 'Malaysia', 'Singapore', 'Thailand', 'Vietnam', 'United States', 'Japan'];
const MATERIALS = ['Cotton', 'Polyester', 'Leather', 'Ceramic', 'Glass', 'Steel', 'Plastic', 'Wood', 'Bamboo', 'Silicone'];
const WARRANTY = ['No Warranty', '1 Month', '3 Months', '6 Months', '12 Months'];
const POWER = ['Battery', 'USB', 'Mains', 'Solar'];
const AGE = ['0-2 Years', '3-5 Years', '6-8 Years', '9-12 Years', '13+ Years'];

/** A leaf's product attributes. Which are mandatory depends on the root and the leaf's place, so
 *  neighbouring categories differ (a category change must re-check the attributes). */
export function leafAttributes(c: Category): AttrDef[] {
  const pos = Number(c.id) % 3;
  const out: AttrDef[] = [
    { key: 'origin', name: 'Country of Origin', input: 'select', required: true, options: COUNTRIES },
    { key: 'material', name: 'Material', input: 'select', required: pos !== 2, custom: true, options: MATERIALS },
    { key: 'warranty', name: 'Warranty Period', input: 'select', required: false, options: WARRANTY },
    { key: 'model', name: 'Model Name', input: 'text', required: false, options: [] },
    { key: 'pack', name: 'Quantity per Pack', input: 'number', required: pos === 0, options: [] },
  ];
  if (c.root === 5) out.push({ key: 'power', name: 'Power Source', input: 'select', required: true, options: POWER });
  if (c.root === 9) out.push({ key: 'age', name: 'Recommended Age', input: 'multiselect', required: true, options: AGE });
  return out;
}

/** Numeric attribute id (Shopee attribute_id, TikTok attribute id) for a neutral key. */
export function attrNumber(platform: CatalogPlatform, key: string): string {
  const base = platform === 'shopee' ? 100_000 : 100_100;
  const i = ['origin', 'material', 'warranty', 'model', 'pack', 'power', 'age'].indexOf(key);
  return String(base + (i < 0 ? 99 : i) * 37 + 2);
}
/** Option id (Shopee value_id, TikTok value id) of an attribute's n-th option. */
export function optionNumber(platform: CatalogPlatform, key: string, n: number): string {
  return String(Number(attrNumber(platform, key)) * 1000 + n + 1);
}

export const BRANDS = [
  'Acme', 'Aurora', 'Bamboo Lane', 'Blue Harbor', 'Cedar & Co', 'Cobalt', 'Driftwood', 'Ember', 'Fable', 'Fjord',
  'Granite', 'Harbor Lights', 'Indigo Works', 'Juniper', 'Kestrel', 'Lumen', 'Maple Street', 'Nimbus', 'Northwind', 'Oakline',
  'Orbit', 'Pebble', 'Quartz', 'Riverstone', 'Saffron', 'Sierra', 'Solstice', 'Summit', 'Tidal', 'Umber',
  'Vantage', 'Verdant', 'Willow', 'Wren', 'Yarrow', 'Zephyr',
];
/** Brands a category lists: a window of the list by root, so categories differ. */
export function brandsOf(c: Category | undefined): { index: number; name: string }[] {
  const all = BRANDS.map((name, index) => ({ index, name }));
  if (!c) return all;
  return all.filter((b) => (b.index + c.root) % 3 !== 0);
}
export function brandNumber(platform: CatalogPlatform, index: number): string {
  return String((platform === 'shopee' ? 1_100_000 : platform === 'lazada' ? 20_000 : 7_000_000_000) + index * 17 + 5);
}

/** Shopee logistics channels of a shop: two enabled, two the seller has not turned on. */
export const SHOPEE_CHANNELS = [
  { id: 18_025, name: 'Standard Delivery', enabled: true },
  { id: 18_028, name: 'Express Delivery', enabled: true },
  { id: 18_036, name: 'Self Collection Point', enabled: false },
  { id: 18_099, name: 'Bulky Delivery', enabled: false },
];
