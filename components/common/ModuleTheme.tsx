// The dashboard's teal primary (#138078) derives a mid-grey "selected" background (#b4bfbd),
// which makes selected table rows hard to read. This module's pages use a light teal instead.
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

const LIGHT = { colorPrimaryBg: '#e7f3f1', colorPrimaryBgHover: '#d4ebe7', controlItemBgActive: '#e7f3f1', controlItemBgActiveHover: '#d4ebe7' };

export function ModuleTheme({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={{ token: LIGHT, components: { Table: { rowSelectedBg: LIGHT.colorPrimaryBg, rowSelectedHoverBg: LIGHT.colorPrimaryBgHover } } }}>{children}</ConfigProvider>;
}
