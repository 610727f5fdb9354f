// Products CSV import: the shared CSV import flow with the product columns and counts.
import { call } from '@/lib/commands/client';
import { t } from '@/lib/i18n';
import { CsvImportModal } from '@/components/common/CsvImport';

export function ProductsImportModal({ onFinished, onClose }: { onFinished?: () => void; onClose: () => void }) {
  return (
    <CsvImportModal
      testId="products-import"
      title={t('products_importTitle')}
      policy={t('products_importPolicy')}
      columns={[
        { name: 'sku', note: t('products_colSku') },
        { name: 'name', note: t('products_colName') },
        { name: 'price', note: t('products_colPrice') },
        { name: 'image_url', note: t('products_colImageUrl') },
        { name: 'weight_grams', note: t('products_colWeight') },
        { name: 'description', note: t('products_colDescription') },
      ]}
      start={(csv) => call('products.importCsv', { csv })}
      stats={(result) => {
        const r = result as { created?: number; updated?: number };
        return [
          { key: 'created', label: t('products_importCreated'), value: r.created ?? 0 },
          { key: 'updated', label: t('products_importUpdated'), value: r.updated ?? 0 },
        ];
      }}
      onFinished={onFinished}
      onClose={onClose}
    />
  );
}
