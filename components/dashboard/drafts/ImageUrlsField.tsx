// The listing's images as a list of web addresses: the first is the main image; add, remove,
// move up. A thumbnail beside each shows whether the address works.
import { Button, Input, Space, Tooltip, Typography } from 'antd';
import { ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { t } from '@/lib/i18n';
import { ListingImage } from '@/components/common/ListingImage';
import { isWebAddress } from './fields';

interface Props {
  urls: string[];
  max: number;
  disabled?: boolean;
  /** How to change the latest list (a function, so quick edits never undo each other). */
  onChange: (update: (latest: string[]) => string[]) => void;
}

export function ImageUrlsField({ urls, max, disabled, onChange }: Props) {
  const set = (i: number, value: string) => onChange((latest) => latest.map((u, j) => (j === i ? value : u)));
  const remove = (i: number) => onChange((latest) => latest.filter((_, j) => j !== i));
  const up = (i: number) => onChange((latest) => latest.map((u, j) => (j === i - 1 ? latest[i]! : j === i ? latest[i - 1]! : u)));
  return (
    <div data-testid="draft-images">
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        {urls.map((url, i) => (
          <div key={i} style={{ display: 'flex', gap: 8, alignItems: 'center' }} data-testid={`draft-image-${i}`}>
            <ListingImage url={isWebAddress(url.trim()) ? url.trim() : null} size={36} />
            <Input
              value={url}
              disabled={disabled}
              placeholder="https://…"
              status={url.trim() && !isWebAddress(url.trim()) ? 'error' : undefined}
              onChange={(e) => set(i, e.target.value)}
              aria-label={t('draft_imageN', i + 1)}
              prefix={i === 0 ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('draft_mainImage')}</Typography.Text> : undefined}
            />
            <Tooltip title={t('draft_imageUp')}>
              <Button icon={<ArrowUpOutlined />} disabled={disabled || i === 0} onClick={() => up(i)} aria-label={t('draft_imageUp')} />
            </Tooltip>
            <Tooltip title={t('draft_imageRemove')}>
              <Button icon={<DeleteOutlined />} disabled={disabled} onClick={() => remove(i)} aria-label={t('draft_imageRemove')} />
            </Tooltip>
          </div>
        ))}
        <Space>
          <Button icon={<PlusOutlined />} disabled={disabled} onClick={() => onChange((latest) => [...latest, ''])} data-testid="draft-image-add">{t('draft_imageAdd')}</Button>
          <Typography.Text type={urls.length > max ? 'danger' : 'secondary'}>{t('draft_imageCount', urls.length, max)}</Typography.Text>
        </Space>
      </Space>
    </div>
  );
}
