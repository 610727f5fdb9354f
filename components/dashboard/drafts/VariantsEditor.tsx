// The listing's variants as an editable grid: one column per option (Color, Size…), seller SKU,
// price, stock; add or remove variants and options. Each cell shows its own problem
// (`variants.N.sellerSku`, …) under it, and a stock that starts at 0 because nothing governs it
// says why.
import { Button, Form, Input, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CloseOutlined, DeleteOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';
import { fieldState } from './FieldProblems';
import type { DraftProblem, EditedVariant } from './types';

interface Props {
  variants: EditedVariant[];
  problems: DraftProblem[];
  /** The platform's refusal at the last release, when it concerns a variant (shown red). */
  refused?: DraftProblem[];
  /** The destination store, named when its missing rule is why a stock starts at 0. */
  storeName: string;
  disabled?: boolean;
  /** How to change the latest variants (a function, so quick edits never undo each other). */
  onChange: (update: (latest: EditedVariant[]) => EditedVariant[]) => void;
}

export function optionNames(variants: EditedVariant[]): string[] {
  const names: string[] = [];
  for (const v of variants) for (const k of Object.keys(v.options ?? {})) if (!names.includes(k)) names.push(k);
  return names;
}

const CELL = { margin: 0 };
type Row = EditedVariant & { index: number };

/** Why a cloned variant's stock starts at 0 (nothing will push a number to it yet). */
function stockNote(v: EditedVariant, storeName: string): string | null {
  if (v.stockSource === 'not_connected') return t('draft_stockNotConnected');
  if (v.stockSource === 'no_rule') return t('draft_stockNoRule', storeName);
  return null;
}

export function VariantsEditor({ variants, problems, refused = [], storeName, disabled, onChange }: Props) {
  const [newOption, setNewOption] = useState('');
  const productIds = [...new Set(variants.map((v) => v.productId).filter((id): id is number => id !== null))];
  const systemSkus = useLiveQuery(async () => new Map((await getDb().products.bulkGet(productIds)).filter((p) => !!p).map((p) => [p!.id, p!.sku])), [productIds.join(',')]);
  const names = optionNames(variants);
  const set = (i: number, patch: (v: EditedVariant) => Partial<EditedVariant>) => onChange((latest) => latest.map((v, j) => (j === i ? { ...v, ...patch(v) } : v)));
  const setOption = (i: number, name: string, value: string) =>
    onChange((latest) => {
      const all = optionNames(latest);
      return latest.map((v, j) => (j === i ? { ...v, options: { ...Object.fromEntries(all.map((n) => [n, v.options?.[n] ?? ''])), [name]: value } } : v));
    });
  const addVariant = () =>
    onChange((latest) => {
      const all = optionNames(latest);
      const last = latest[latest.length - 1];
      return [...latest, { sellerSku: '', price: last?.price ?? null, stock: 0, options: all.length ? Object.fromEntries(all.map((n) => [n, ''])) : null, productId: null, stockSource: null }];
    });
  const addOption = () => {
    const name = newOption.trim();
    if (!name || names.includes(name)) return;
    onChange((latest) => latest.map((v) => ({ ...v, options: { ...(v.options ?? {}), [name]: v.options?.[name] ?? '' } })));
    setNewOption('');
  };
  const removeOption = (name: string) =>
    onChange((latest) =>
      latest.map((v) => {
        const rest = Object.fromEntries(Object.entries(v.options ?? {}).filter(([k]) => k !== name));
        return { ...v, options: Object.keys(rest).length ? rest : null };
      }),
    );
  const remove = (i: number) => onChange((latest) => latest.filter((_, j) => j !== i));
  const shown = [...problems, ...refused];
  const cell = (field: string) => fieldState(shown, field, refused);
  const notes = variants.some((v) => stockNote(v, storeName) !== null);

  const columns: TableColumnsType<Row> = [
    { title: '#', key: 'n', width: 44, render: (_, v) => v.index + 1 },
    ...names.map((name) => ({
      title: (
        <Space size={2}>
          {name}
          {!disabled && (
            <Tooltip title={t('draft_optionRemove', name)}>
              <Button type="text" size="small" icon={<CloseOutlined style={{ fontSize: 10 }} />} onClick={() => removeOption(name)} aria-label={t('draft_optionRemove', name)} />
            </Tooltip>
          )}
        </Space>
      ),
      key: `opt-${name}`,
      width: 130,
      render: (_: unknown, v: Row) => {
        // The row's combination problem goes under its first option.
        const own = cell(`variants.${v.index}.options.${name}`);
        const combo = name === names[0] ? cell(`variants.${v.index}.options`) : {};
        return (
          <Form.Item style={CELL} {...combo} {...own} help={own.help ?? combo.help}>
            <Input value={v.options?.[name] ?? ''} maxLength={100} disabled={disabled} onChange={(e) => setOption(v.index, name, e.target.value)} aria-label={`${name} ${v.index + 1}`} data-testid={`draft-variant-option-${v.index}-${name}`} />
          </Form.Item>
        );
      },
    })),
    {
      title: t('draft_colSellerSku'), key: 'sku', width: 220,
      render: (_, v) => (
        <Form.Item style={CELL} {...cell(`variants.${v.index}.sellerSku`)}>
          <Input value={v.sellerSku} maxLength={100} disabled={disabled} onChange={(e) => set(v.index, () => ({ sellerSku: e.target.value }))} data-testid={`draft-variant-sku-${v.index}`} aria-label={t('draft_colSellerSku')} />
        </Form.Item>
      ),
    },
    {
      title: t('draft_colPrice'), key: 'price', width: 140,
      render: (_, v) => (
        <Form.Item style={CELL} {...cell(`variants.${v.index}.price`)}>
          <InputNumber value={v.price} min={0} step={0.01} style={{ width: '100%' }} disabled={disabled} onChange={(n) => set(v.index, () => ({ price: n }))} data-testid={`draft-variant-price-${v.index}`} aria-label={t('draft_colPrice')} />
        </Form.Item>
      ),
    },
    {
      title: t('draft_colStock'), key: 'stock', width: notes ? 240 : 120,
      render: (_, v) => {
        const note = stockNote(v, storeName);
        return (
          <Form.Item
            style={CELL}
            extra={note && <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`draft-variant-stock-note-${v.index}`}>{note}</Typography.Text>}
            {...cell(`variants.${v.index}.stock`)}
          >
            {/* A typed stock is the seller's own number: the note no longer applies. */}
            <InputNumber value={v.stock} min={0} precision={0} style={{ width: '100%', maxWidth: 120 }} disabled={disabled} onChange={(n) => set(v.index, () => ({ stock: n, stockSource: null }))} data-testid={`draft-variant-stock-${v.index}`} aria-label={t('draft_colStock')} />
          </Form.Item>
        );
      },
    },
    {
      title: <Tooltip title={t('draft_colSystemHelp')}>{t('draft_colSystem')}</Tooltip>, key: 'system', width: 130,
      render: (_, v) =>
        v.productId !== null && systemSkus?.has(v.productId) ? (
          <Tooltip title={t('draft_connectedHelp', systemSkus.get(v.productId)!)}>
            <Tag
              icon={<LinkOutlined />}
              color="success"
              closable={!disabled}
              onClose={(e) => {
                e.preventDefault();
                set(v.index, () => ({ productId: null }));
              }}
              data-testid={`draft-variant-system-${v.index}`}
            >
              {systemSkus.get(v.productId)}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('draft_bySku')}</Typography.Text>
        ),
    },
    {
      title: '', key: 'remove', width: 52,
      render: (_, v) => (
        <Tooltip title={t('draft_variantRemove')}>
          <Button icon={<DeleteOutlined />} disabled={disabled} onClick={() => remove(v.index)} aria-label={t('draft_variantRemove')} data-testid={`draft-variant-remove-${v.index}`} />
        </Tooltip>
      ),
    },
  ];

  return (
    <Form.Item label={t('draft_variants', variants.length)} {...fieldState(shown, 'variants', refused, true)} data-testid="draft-variants">
      <Table<Row>
        size="small"
        rowKey="index"
        pagination={variants.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        dataSource={variants.map((v, index) => ({ ...v, index }))}
        columns={columns}
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
      />
      {!disabled && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button icon={<PlusOutlined />} onClick={addVariant} data-testid="draft-variant-add">{t('draft_variantAdd')}</Button>
          <Space.Compact>
            <Input value={newOption} onChange={(e) => setNewOption(e.target.value)} onPressEnter={addOption} placeholder={t('draft_optionPlaceholder')} maxLength={50} style={{ width: 180 }} aria-label={t('draft_optionAdd')} />
            <Button onClick={addOption} disabled={!newOption.trim() || names.includes(newOption.trim())}>{t('draft_optionAdd')}</Button>
          </Space.Compact>
        </Space>
      )}
    </Form.Item>
  );
}
