// The top of every Shelfsync React tree: re-renders all of it when the language changes (keyed,
// so memoized parts follow too; a page's own route and data come back from the URL and the
// background).
import { Fragment, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { onLanguageChange, uiLanguage, uiLocale, type Language } from '@/lib/i18n';

export function useLanguage(): Language {
  return useSyncExternalStore(onLanguageChange, uiLanguage, uiLanguage);
}

export function LanguageRoot({ children }: { children: ReactNode }) {
  const lang = useLanguage();
  // The page says its language too: screen readers, and the right fonts for Thai and Chinese.
  useEffect(() => {
    document.documentElement.lang = uiLocale();
  }, [lang]);
  return <Fragment key={lang}>{children}</Fragment>;
}
