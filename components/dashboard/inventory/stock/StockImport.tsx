// Stock CSV import: stock counts (sku, warehouse, on_hand) through the shared CSV import flow.
import { call } from '@/lib/commands/client';
import { t } from '@/lib/i18n';
import { CsvImportModal } from '@/components/common/CsvImport';

export function StockImportModal({ onFinished, onClose }: { onFinished?: () => void; onClose: () => void }) {
  return (
    <CsvImportModal
      testId="stock-import"
      title={t('stock_importTitle')}
      policy={t('stock_importPolicy')}
      columns={[
        { name: 'sku', note: t('stock_colSku') },
        { name: 'warehouse', note: t('stock_colWarehouse') },
        { name: 'on_hand', note: t('stock_colOnHand') },
      ]}
      start={(csv) => call('inventory.importCsv', { csv })}
      stats={(result) => {
        const r = result as { changed?: number; unchanged?: number };
        return [
          { key: 'changed', label: t('stock_importChanged'), value: r.changed ?? 0 },
          { key: 'unchanged', label: t('stock_importUnchanged'), value: r.unchanged ?? 0 },
        ];
      }}
      onFinished={onFinished}
      onClose={onClose}
    />
  );
}
