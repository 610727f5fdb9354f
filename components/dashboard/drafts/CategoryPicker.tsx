// The destination's category, picked from its own tree: a level at a time as the seller opens it,
// or by words over the whole tree (catalog.categories q) with each hit's path; only a category
// without subcategories can be chosen (marketplaces list products only there). Below it, what
// Shelfsync suggests: the category chosen last time for the same source category between these
// two stores, then the leaves sharing the source category's words (catalog.suggestCategory).
import { Button, Space, TreeSelect, Typography } from 'antd';
import { HistoryOutlined, BulbOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { call } from '@/lib/commands/client';
import { t } from '@/lib/i18n';
import { errorText } from '@/components/common/commandErrors';
import type { PickedCategory, Suggestion } from './useDestinationCatalog';

interface Props {
  storeId: number;
  value: string | null;
  /** The chosen category with its path, when known (the draft's own, or one picked here). */
  current: PickedCategory | null;
  suggestion: Suggestion | undefined;
  disabled?: boolean;
  status?: 'warning' | 'error';
  onPick: (category: PickedCategory) => void;
}

interface Node { id: string; pId: string | null; value: string; title: string; pathLabel: string; isLeaf: boolean; selectable: boolean; category: PickedCategory }

const SEP = ' › ';
export const pathText = (path: string[]) => path.join(SEP);

function nodeOf(c: { id: string; name: string; path: string[]; leaf: boolean; parentId?: string | null }, flat = false): Node {
  const category = { id: c.id, name: c.name, path: c.path, leaf: c.leaf };
  return { id: c.id, pId: flat ? null : c.parentId ?? null, value: c.id, title: flat ? pathText(c.path) : c.name, pathLabel: pathText(c.path), isLeaf: c.leaf, selectable: c.leaf, category };
}

export function CategoryPicker({ storeId, value, current, suggestion, disabled, status, onPick }: Props) {
  const [levels, setLevels] = useState<Map<string, Node[]>>(new Map());
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Node[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ticket = useRef(0);

  async function loadLevel(parentId: string | null) {
    const key = parentId ?? '';
    if (levels.has(key)) return;
    try {
      const answer = await call('catalog.categories', { storeId, ...(parentId ? { parentId } : {}), pageSize: 500 });
      setLevels((m) => new Map(m).set(key, answer.items.map((c) => nodeOf(c))));
    } catch (err) {
      setError(errorText(err));
    }
  }

  // Words typed: the whole tree searched in the background, the leaves with their paths.
  useEffect(() => {
    const q = query.trim();
    const mine = ++ticket.current;
    if (!q) {
      setHits(null);
      return;
    }
    setBusy(true);
    const timer = setTimeout(() => {
      call('catalog.categories', { storeId, q, pageSize: 100 }).then(
        (answer) => {
          if (mine !== ticket.current) return;
          setHits(answer.items.filter((c) => c.leaf).map((c) => nodeOf(c, true)));
          setBusy(false);
        },
        (err: unknown) => {
          if (mine !== ticket.current) return;
          setError(errorText(err));
          setBusy(false);
        },
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [query, storeId]);

  const browsed = [...levels.values()].flat();
  let treeData = hits ?? browsed;
  // The chosen category before its level is opened: shown by its path.
  if (current && value === current.id && !treeData.some((n) => n.id === current.id)) treeData = [...treeData, { ...nodeOf(current, true), pId: null }];

  const offers = offersOf(suggestion, value);
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <TreeSelect<string>
        value={value ?? undefined}
        treeData={treeData}
        treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: null as unknown as string }}
        treeNodeLabelProp="pathLabel"
        loadData={(n) => loadLevel(String((n as unknown as Node).id))}
        onOpenChange={(open) => {
          if (open) void loadLevel(null);
        }}
        showSearch={{ searchValue: query, onSearch: setQuery, filterTreeNode: false, autoClearSearchValue: true }}
        placeholder={t('draft_categoryPick')}
        notFoundContent={busy ? t('draft_categorySearching') : query.trim() ? t('draft_categoryNoHit', query.trim()) : undefined}
        onChange={(id) => {
          const node = treeData.find((n) => n.id === id);
          setQuery('');
          if (node?.category.leaf) onPick(node.category);
        }}
        disabled={disabled}
        status={status}
        allowClear={false}
        style={{ width: '100%' }}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { minWidth: 420, maxWidth: 640 } } }}
        listHeight={360}
        data-testid="draft-category-picker"
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {offers.map((o) => (
        <Space key={o.kind + o.category.id} size={6} wrap data-testid={`draft-category-${o.kind}`}>
          {o.kind === 'remembered' ? <HistoryOutlined /> : <BulbOutlined />}
          <Typography.Text type="secondary">{o.kind === 'remembered' ? t('draft_categoryRemembered') : t('draft_categorySuggested')}</Typography.Text>
          <Typography.Text>{pathText(o.category.path)}</Typography.Text>
          <Button size="small" type="link" disabled={disabled} onClick={() => onPick(o.category)} data-testid={`draft-category-use-${o.kind}`}>{t('draft_categoryUse')}</Button>
        </Space>
      ))}
    </Space>
  );
}

/** The remembered category first, then the best suggestion by words (not the one chosen already). */
function offersOf(s: Suggestion | undefined, value: string | null): { kind: 'remembered' | 'suggested'; category: PickedCategory }[] {
  if (!s?.supported) return [];
  const out: { kind: 'remembered' | 'suggested'; category: PickedCategory }[] = [];
  if (s.remembered && s.remembered.id !== value) out.push({ kind: 'remembered', category: { ...s.remembered, leaf: true } });
  const best = s.suggestions.find((c) => c.id !== value && c.id !== s.remembered?.id);
  if (best && !value) out.push({ kind: 'suggested', category: { id: best.id, name: best.name, path: best.path, leaf: true } });
  return out;
}
