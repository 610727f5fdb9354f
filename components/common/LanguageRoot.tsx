// The top of every Shelfsync React tree: re-renders all of it when the language changes (keyed,
// so memoized parts follow too; a page's own route and data come back from the URL and the
// background).
import { Fragment, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { onLanguageChange, uiLanguage, uiLocale, type Language } from '@/lib/i18n';

export function useLanguage(): Language {
  return useSyncExternalStore(onLanguageChange, uiLanguage, uiLanguage);
}

/** `ownPage`: false inside a console, whose page is not ours to label. */
export function LanguageRoot({ children, ownPage = true }: { children: ReactNode; ownPage?: boolean }) {
  const lang = useLanguage();
  // Our own page says its language too: screen readers, and the right fonts for Thai and Chinese.
  useEffect(() => {
    if (ownPage) document.documentElement.lang = uiLocale();
  }, [lang, ownPage]);
  return <Fragment key={lang}>{children}</Fragment>;
}
