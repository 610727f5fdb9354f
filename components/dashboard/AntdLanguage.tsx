// antd's own texts (pagination, empty tables, date pickers, confirm buttons) in the UI's language.
import { ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import idID from 'antd/locale/id_ID';
import msMY from 'antd/locale/ms_MY';
import thTH from 'antd/locale/th_TH';
import viVN from 'antd/locale/vi_VN';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import type { ReactNode } from 'react';
import type { Language } from '@/lib/i18n';
import { useLanguage } from '../common/LanguageRoot';

const ANTD: Record<Language, Locale> = { en: enUS, id: idID, ms: msMY, th: thTH, vi: viVN, zh_CN: zhCN, zh_TW: zhTW };

export function AntdLanguage({ children }: { children: ReactNode }) {
  return <ConfigProvider locale={ANTD[useLanguage()]}>{children}</ConfigProvider>;
}
