import { createRoot } from 'react-dom/client';
import { LanguageRoot } from '@/components/common/LanguageRoot';
import { PopupApp } from '@/components/popup/PopupApp';
import { packagedCatalog } from '@/lib/language/catalogs';
import { startLanguage } from '@/lib/language/start';
import '@/components/popup/popup.css';

void startLanguage({ load: packagedCatalog }).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <LanguageRoot>
      <PopupApp />
    </LanguageRoot>,
  ),
);
