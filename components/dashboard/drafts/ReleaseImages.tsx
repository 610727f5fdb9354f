// Inside a running release: per draft, how many of its images are in the marketplace's own
// hosting already (release saves each upload on the draft as it goes: `uploads`), read live from
// the database; and, for a draft refused with image_permission, the action only a page can take —
// asking the browser for the image sites (the background cannot ask), then releasing again.
import { Button, Progress, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/database';
import { t } from '@/lib/i18n';

/** The drafts' images uploaded of those a release sends (drafts already released are gone). */
export function ReleaseImageProgress({ draftIds, titles, imagesMax }: { draftIds: number[]; titles: Map<number, string>; imagesMax: number }) {
  const rows = useLiveQuery(() => getDb().drafts.bulkGet(draftIds), [draftIds.join(',')]);
  const shown = (rows ?? []).filter((d) => !!d && d.imageUrls.length > 0);
  if (!shown.length) return null;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid="release-images">
      <Typography.Text type="secondary">{t('release_imagesTitle')}</Typography.Text>
      {shown.map((d) => {
        const urls = d!.imageUrls.slice(0, imagesMax);
        const done = urls.filter((u) => d!.uploads?.[u]).length;
        return (
          <div key={d!.id} style={{ display: 'flex', gap: 12, alignItems: 'center' }} data-testid={`release-images-${d!.id}`}>
            <Typography.Text ellipsis style={{ flex: '0 0 45%' }}>{titles.get(d!.id) || d!.title}</Typography.Text>
            <Progress percent={Math.floor((done / urls.length) * 100)} size="small" style={{ flex: 1, margin: 0 }} showInfo={false} />
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('release_imagesOf', done, urls.length)}</Typography.Text>
          </div>
        );
      })}
    </Space>
  );
}

/** The image sites named by an image_permission refusal (its details: origin patterns). */
export const sitesOf = (details: string | null | undefined) => (details ?? '').split(/\s+/).filter((s) => /^https?:\/\//.test(s));

export function AllowImagesButton({ draftId, details, onRetry }: { draftId: number; details: string | null | undefined; onRetry: (draftId: number) => Promise<void> }) {
  const [state, setState] = useState<'idle' | 'refused' | 'busy'>('idle');
  const origins = sitesOf(details);
  const ask = () => {
    // Asked inside the click (a user gesture): the browser shows its own prompt.
    browser.permissions.request({ origins }).then(
      async (granted) => {
        if (!granted) return setState('refused');
        setState('busy');
        await onRetry(draftId).finally(() => setState('idle'));
      },
      () => setState('refused'),
    );
  };
  return (
    <Space orientation="vertical" size={2}>
      <Button size="small" type="primary" loading={state === 'busy'} onClick={ask} data-testid={`release-allow-images-${draftId}`}>
        {t('release_allowImages')}
      </Button>
      {state === 'refused' && <Typography.Text type="secondary">{t('release_allowRefused')}</Typography.Text>}
    </Space>
  );
}
