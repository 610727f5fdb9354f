// A platform's badge: its initial on its colour (no third-party logos shipped).
import { Avatar } from 'antd';
import { PLATFORM_TINT, type Platform } from './platforms';

const INITIALS: Record<Platform, string> = { shopee: 'S', lazada: 'L', tiktok: 'T', shopify: 'Sh', woocommerce: 'W' };

export function PlatformMark({ platform, size = 24 }: { platform: Platform; size?: number }) {
  return (
    <Avatar shape="square" size={size} style={{ background: PLATFORM_TINT[platform], fontSize: size * 0.45, fontWeight: 600 }}>
      {INITIALS[platform]}
    </Avatar>
  );
}

