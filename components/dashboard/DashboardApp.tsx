// The dashboard shell: navigation on the left, the current module on the right. Sellers work on
// laptops too: below 1200 px the sidebar starts collapsed to its icons (its trigger opens it
// again), so the store product list gets the width it needs from 1024 px up.
import { App as AntApp, ConfigProvider, Layout, Menu, type MenuProps } from 'antd';
import {
  AppstoreOutlined, DatabaseOutlined, HistoryOutlined, SettingOutlined, ShopOutlined, ShoppingCartOutlined, SyncOutlined,
} from '@ant-design/icons';
import { useState, type ReactNode } from 'react';
import { t } from '@/lib/i18n';
import { SettingsPage } from './settings/SettingsPage';
import { ROUTE_LABELS, hrefOf, useHashRoute, type RouteKey } from './routes';
import { WarehousesPage } from './warehouses/WarehousesPage';
import { StoresPage } from './stores/StoresPage';
import { OrdersPage } from './orders/OrdersPage';
import { ProductsPage } from './inventory/products/ProductsPage';
import { StockPage } from './inventory/stock/StockPage';
import { PurchaseOrdersPage } from './inventory/purchase-orders/PurchaseOrdersPage';
import { SourcesPage } from './inventory/sources/SourcesPage';
import { StoreProductsModule } from './store-products/StoreProductsModule';
import { SyncLogPage } from './sync/SyncLogPage';
import { SyncRulesPage } from './sync/SyncRulesPage';

const item = (key: RouteKey, icon?: ReactNode) => ({ key, icon, label: t(ROUTE_LABELS[key]) });

function menuItems(): MenuProps['items'] {
  return [
    item('store-products', <AppstoreOutlined />),
    {
      key: 'inventory',
      icon: <DatabaseOutlined />,
      label: t('nav_inventory'),
      children: [item('inventory/products'), item('inventory/warehouses'), item('inventory/stock'), item('inventory/purchase-orders'), item('inventory/sources')],
    },
    item('stores', <ShopOutlined />),
    item('orders', <ShoppingCartOutlined />),
    item('sync-rules', <SyncOutlined />),
    item('sync-log', <HistoryOutlined />),
    item('settings', <SettingOutlined />),
  ];
}

function Page({ route, params }: { route: RouteKey; params: URLSearchParams }) {
  switch (route) {
    case 'inventory/warehouses':
      return <WarehousesPage />;
    case 'store-products':
      return <StoreProductsModule params={params} />;
    case 'inventory/products':
      return <ProductsPage />;
    case 'inventory/stock':
      return <StockPage />;
    case 'inventory/purchase-orders':
      return <PurchaseOrdersPage />;
    case 'inventory/sources':
      return <SourcesPage />;
    case 'stores':
      return <StoresPage />;
    case 'orders':
      return <OrdersPage params={params} />;
    case 'sync-rules':
      return <SyncRulesPage />;
    case 'sync-log':
      return <SyncLogPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** antd's `xl` breakpoint: the sidebar collapses below it. */
const WIDE = 1200;

export function DashboardApp() {
  const route = useHashRoute();
  const [collapsed, setCollapsed] = useState(() => typeof window !== 'undefined' && window.innerWidth < WIDE);
  return (
    <ConfigProvider theme={{ token: { colorPrimary: '#138078', borderRadius: 4 }, components: { Menu: { itemSelectedBg: '#e6f4f2', itemSelectedColor: '#0f6b64' }, Table: { rowSelectedBg: '#eef8f6', rowSelectedHoverBg: '#e2f2ef' } } }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider
            width={220}
            theme="light"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="xl"
            style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
            data-testid="nav-sider"
            data-collapsed={collapsed}
          >
            <div style={{ padding: collapsed ? '16px 0' : '16px 20px', textAlign: collapsed ? 'center' : undefined, fontWeight: 600, fontSize: 18, whiteSpace: 'nowrap', overflow: 'hidden' }}>
              <img src="/icon/32.png" alt={collapsed ? t('extName') : ''} width={20} height={20} style={{ verticalAlign: -4, marginRight: collapsed ? 0 : 8 }} />
              {!collapsed && t('extName')}
            </div>
            <Menu
              mode="inline"
              style={{ borderInlineEnd: 'none' }}
              selectedKeys={[route.key]}
              defaultOpenKeys={['inventory']}
              items={menuItems()}
              onClick={({ key }) => {
                window.location.hash = hrefOf(key as RouteKey);
              }}
            />
          </Layout.Sider>
          <Layout.Content style={{ padding: collapsed ? 16 : 24, background: '#fff', minWidth: 0 }}>
            <Page route={route.key} params={route.params} />
          </Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
