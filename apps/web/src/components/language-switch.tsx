import { chooseLanguage, currentLanguage, t } from '../i18n/i18n';

/** Switches the whole app between French and Dutch, in the other language's own words. */
export function LanguageSwitch() {
  const other = currentLanguage() === 'fr' ? 'nl' : 'fr';
  return (
    <button
      type="button"
      className="button button--ghost language-switch"
      lang={other}
      title={t('nav.otherLanguageHint')}
      onClick={() => {
        chooseLanguage(other);
        window.location.reload();
      }}
    >
      {t('nav.otherLanguage')}
    </button>
  );
}
