// Picks a system product by typing part of its SKU or name; the list comes from `products.list {q}`
// so it works the same with ten products or a hundred thousand.
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { call } from '@/lib/commands/client';
import type { ProductRow } from '@/lib/db/types';
import { t } from '@/lib/i18n';

interface Props {
  /** From Form.Item: ties the label to the input. */
  id?: string;
  /** Its name where no label is shown (a line of a purchase order). */
  'aria-label'?: string;
  value?: number;
  onChange?: (productId: number, product: ProductRow | undefined) => void;
  'data-testid'?: string;
  disabled?: boolean;
  /** A product chosen before the picker searched (a suggestion): its label shows at once. */
  initial?: Pick<ProductRow, 'id' | 'sku' | 'name'>;
}

export function productLabel(p: Pick<ProductRow, 'sku' | 'name'>): string {
  return `${p.sku} — ${p.name}`;
}

export function ProductPicker({ id, value, onChange, disabled, initial, 'aria-label': ariaLabel, 'data-testid': testId }: Props) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ProductRow[]>();
  const [known, setKnown] = useState(new Map<number, ProductRow>());
  const ticket = useRef(0);

  useEffect(() => {
    const mine = ++ticket.current;
    const timer = setTimeout(
      () => {
        call('products.list', { q: q.trim() || undefined, pageSize: 20 }).then(
          (answer) => {
            if (mine !== ticket.current) return;
            setFound(answer.items);
            setKnown((prev) => new Map([...prev, ...answer.items.map((p) => [p.id, p] as const)]));
          },
          () => mine === ticket.current && setFound([]),
        );
      },
      q ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [q]);

  const options = (found ?? []).map((p) => ({ value: p.id, label: productLabel(p) }));
  const chosen = value === undefined ? undefined : known.get(value) ?? (initial?.id === value ? (initial as ProductRow) : undefined);
  if (chosen && !options.some((o) => o.value === chosen.id)) options.unshift({ value: chosen.id, label: productLabel(chosen) });

  return (
    <Select<number>
      id={id}
      aria-label={ariaLabel}
      value={value}
      disabled={disabled}
      placeholder={t('products_pickerPlaceholder')}
      loading={found === undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onChange={(v) => onChange?.(v, known.get(v))}
      options={options}
      notFoundContent={q ? t('products_pickerNone', q) : t('products_pickerEmpty')}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
