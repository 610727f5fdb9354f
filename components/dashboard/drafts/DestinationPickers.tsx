// The brand from the platform's list (searchable; "No brand" first where the category allows it),
// Shopee's logistics channels (the ones the shop has enabled; all of them by default) and the
// TikTok sales warehouse (the shop's default one by default).
import { Select, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { call } from '@/lib/commands/client';
import { t } from '@/lib/i18n';
import { NO_BRAND_ID } from '@/lib/platforms/types';
import type { Channels, Warehouses } from './useDestinationCatalog';

interface BrandProps {
  storeId: number;
  categoryId: string | null;
  brandId: string | null;
  brandName: string | null;
  disabled?: boolean;
  status?: 'warning' | 'error';
  onChange: (brand: { id: string; name: string } | null) => void;
}

export function BrandPicker({ storeId, categoryId, brandId, brandName, disabled, status, onChange }: BrandProps) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<{ id: string; name: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const ticket = useRef(0);
  useEffect(() => {
    const mine = ++ticket.current;
    setLoading(true);
    const timer = setTimeout(() => {
      call('catalog.brands', { storeId, ...(categoryId ? { categoryId } : {}), ...(query.trim() ? { q: query.trim() } : {}), pageSize: 100 }).then(
        (answer) => {
          if (mine !== ticket.current) return;
          setItems(answer.items);
          setLoading(false);
        },
        () => {
          if (mine === ticket.current) setLoading(false);
        },
      );
    }, query ? 250 : 0);
    return () => clearTimeout(timer);
  }, [storeId, categoryId, query]);
  const label = (b: { id: string; name: string }) => (b.id === NO_BRAND_ID ? t('draft_noBrand') : b.name);
  const options = items.map((b) => ({ value: b.id, label: label(b) }));
  // The draft's brand even when it is not on the page of answers shown.
  if (brandId && !options.some((o) => o.value === brandId)) options.unshift({ value: brandId, label: brandId === NO_BRAND_ID ? t('draft_noBrand') : brandName ?? brandId });
  return (
    <Select
      value={brandId ?? undefined}
      options={options}
      showSearch={{ filterOption: false, searchValue: query, onSearch: setQuery }}
      loading={loading}
      allowClear
      disabled={disabled}
      status={status}
      placeholder={t('draft_brandPick')}
      onChange={(id: string | undefined) => {
        setQuery('');
        const b = items.find((x) => x.id === id);
        onChange(id ? { id, name: b?.name ?? brandName ?? id } : null);
      }}
      style={{ width: '100%' }}
      data-testid="draft-brand-picker"
    />
  );
}

export function ChannelsPicker({ channels, value, disabled, status, onChange }: { channels: Channels; value: string[]; disabled?: boolean; status?: 'warning' | 'error'; onChange: (ids: string[]) => void }) {
  return (
    <Select
      mode="multiple"
      value={value}
      options={channels.map((c) => ({ value: c.id, label: c.name, disabled: !c.enabled }))}
      optionRender={(o) => (
        <span>
          {o.label}
          {channels.find((c) => c.id === o.value)?.enabled === false && <Tag style={{ marginInlineStart: 8 }}>{t('draft_channelOff')}</Tag>}
        </span>
      )}
      disabled={disabled}
      status={status}
      placeholder={t('draft_channelsPick')}
      onChange={onChange}
      style={{ width: '100%' }}
      data-testid="draft-logistics"
    />
  );
}

export function WarehousePicker({ warehouses, value, disabled, status, onChange }: { warehouses: Warehouses; value: string | null; disabled?: boolean; status?: 'warning' | 'error'; onChange: (id: string | null) => void }) {
  return (
    <Select
      value={value ?? undefined}
      options={warehouses.filter((w) => w.kind === 'sales').map((w) => ({ value: w.id, label: w.isDefault ? `${w.name} (${t('draft_warehouseDefault')})` : w.name }))}
      disabled={disabled}
      status={status}
      placeholder={t('draft_warehousePick')}
      onChange={(id: string | undefined) => onChange(id ?? null)}
      style={{ width: '100%' }}
      data-testid="draft-warehouse"
    />
  );
}

/** What a store uses unless the seller says otherwise: every enabled channel, the default sales warehouse. */
export function defaultChannels(channels: Channels | undefined): string[] {
  return (channels ?? []).filter((c) => c.enabled).map((c) => c.id);
}
export function defaultWarehouse(warehouses: Warehouses | undefined): string | null {
  const sales = (warehouses ?? []).filter((w) => w.kind === 'sales');
  return (sales.find((w) => w.isDefault) ?? sales[0])?.id ?? null;
}
