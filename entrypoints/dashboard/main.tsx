import { createRoot } from 'react-dom/client';
import { LanguageRoot } from '@/components/common/LanguageRoot';
import { AntdLanguage } from '@/components/dashboard/AntdLanguage';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { packagedCatalog } from '@/lib/language/catalogs';
import { startLanguage } from '@/lib/language/start';

// The language first (a local file, or none for the browser's own): no flash of English.
void startLanguage({ load: packagedCatalog }).finally(() =>
  createRoot(document.getElementById('root')!).render(
    <AntdLanguage>
      <LanguageRoot>
        <DashboardApp />
      </LanguageRoot>
    </AntdLanguage>,
  ),
);
