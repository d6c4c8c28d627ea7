/** The one-click language switch (中文 ⇄ English) of the map's header and the reports' toolbar. */
import { t } from '../i18n';
import { lang } from './state';

export function LanguageButton(p: { class?: string }) {
  const l = lang.value;
  return (
    <button
      type="button"
      class={p.class}
      lang={l === 'zh' ? 'en' : 'zh-CN'}
      title={t('languageLabel', l)}
      onClick={() => {
        lang.value = l === 'zh' ? 'en' : 'zh';
      }}
    >
      {t('language', l)}
    </button>
  );
}
