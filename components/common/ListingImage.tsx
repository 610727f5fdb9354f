// A listing's thumbnail, or a placeholder when the platform gave no image or it does not load.
import { Avatar, Image } from 'antd';
import { PictureOutlined } from '@ant-design/icons';

/** A grey picture frame, shown when the image cannot be loaded (offline, moved, blocked). */
const PLACEHOLDER =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 48 48"><rect width="48" height="48" rx="4" fill="#f0f0f0"/><path d="M14 32l7-9 5 6 4-5 6 8z" fill="#bfbfbf"/><circle cx="30" cy="18" r="3" fill="#bfbfbf"/></svg>');

export function ListingImage({ url, size = 48 }: { url: string | null; size?: number }) {
  return url ? (
    <Image src={url} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" fallback={PLACEHOLDER} preview={{ mask: false }} />
  ) : (
    <Avatar shape="square" size={size} icon={<PictureOutlined />} />
  );
}
