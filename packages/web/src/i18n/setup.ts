import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLanguage, type Language } from './languages';
import { loadLanguage } from './load-language';

const storageKey = 'switchboard.language';

/**
 * Starts i18next in the stored language, or the browser's on a first visit (then stored, so it
 * stays), once that language's texts have loaded; the app renders after it.
 */
export async function setUpI18n(): Promise<void> {
  const language = pickLanguage(localStorage.getItem(storageKey), navigator.languages);
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  await i18n.use(initReactI18next).init({
    resources: { [language]: { translation: await loadLanguage(language) } },
    lng: language,
    // Every language has every key (resources.test.ts), so nothing falls back.
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
}

/** Switches the language (loading its texts the first time) and remembers it for the next visit. */
export async function chooseLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language);
  if (!i18n.hasResourceBundle(language, 'translation')) i18n.addResourceBundle(language, 'translation', await loadLanguage(language));
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}
