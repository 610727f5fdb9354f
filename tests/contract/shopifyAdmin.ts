// Shopify's Admin GraphQL API called directly (not through the adapter), for tests that check what
// the simulated shop itself answers.

export interface AdminShop {
  shopId: string;
  api: string;
  token: string;
}

export async function adminGql(sh: AdminShop, version: string, query: string, variables: Record<string, unknown> = {}, token = sh.token): Promise<{ body: any; headers: Headers }> {
  const res = await fetch(`${sh.api}/admin/api/${version}/graphql.json`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-access-token': token }, body: JSON.stringify({ query, variables }) });
  return { body: await res.json(), headers: res.headers };
}
