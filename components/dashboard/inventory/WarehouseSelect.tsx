// A warehouse picker for forms and filters.
import { Select, type SelectProps } from 'antd';
import { t } from '@/lib/i18n';
import { useWarehouses, warehouseLabel } from './useWarehouses';

type Props = Omit<SelectProps<number>, 'options'> & { 'data-testid'?: string };

export function WarehouseSelect(props: Props) {
  const { warehouses } = useWarehouses();
  return (
    <Select<number>
      placeholder={t('stock_pickWarehouse')}
      loading={warehouses === undefined}
      notFoundContent={t('stock_noWarehouses')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(warehouses ?? []).map((w) => ({ value: w.id, label: warehouseLabel(w) }))}
      {...props}
    />
  );
}
