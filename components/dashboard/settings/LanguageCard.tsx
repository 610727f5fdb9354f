// The language of every Shelfsync page and of the controls inside the consoles. Each language is
// named in itself, so a seller finds theirs whatever the page shows now.
import { App, Card, Radio, Typography } from 'antd';
import { useState } from 'react';
import { call } from '@/lib/commands/client';
import { t } from '@/lib/i18n';
import type { LanguageChoice } from '@/lib/language/preference';
import { errorText } from '@/components/common/commandErrors';
import { useCommandQuery } from '@/components/common/useCommandQuery';

const NAMES: Record<Exclude<LanguageChoice, 'auto'>, string> = {
  en: 'English',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  th: 'ไทย',
  vi: 'Tiếng Việt',
  zh_CN: '简体中文',
  zh_TW: '繁體中文',
};

export function LanguageCard() {
  const { message } = App.useApp();
  const current = useCommandQuery(() => call('language.get'), []);
  const [saving, setSaving] = useState(false);
  const choose = async (choice: LanguageChoice) => {
    setSaving(true);
    try {
      // The pages re-render in the new language as soon as it is stored (storage.onChanged).
      await call('language.set', { choice });
      current.reload();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={t('settings_languageTitle')} size="small" loading={!current.data}>
      <Typography.Paragraph type="secondary">{t('settings_languageHelp')}</Typography.Paragraph>
      {current.data && (
        <Radio.Group value={current.data.choice} disabled={saving} onChange={(e) => void choose(e.target.value as LanguageChoice)} data-testid="settings-language" optionType="button">
          <Radio.Button value="auto" data-testid="settings-language-auto">{t('settings_languageAuto')}</Radio.Button>
          {(Object.keys(NAMES) as (keyof typeof NAMES)[]).map((lang) => (
            <Radio.Button key={lang} value={lang} data-testid={`settings-language-${lang}`}>
              <span lang={lang.replace('_', '-')}>{NAMES[lang]}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      )}
    </Card>
  );
}
