import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLanguage, type Language } from './languages';
import { resources } from './resources';

const storageKey = 'switchboard.language';

/** Starts i18next in the stored language, or the browser's on a first visit (then stored, so it stays). */
export function setUpI18n(): void {
  const language = pickLanguage(localStorage.getItem(storageKey), navigator.languages);
  localStorage.setItem(storageKey, language);
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
}

/** Switches the language now and remembers it for the next visit. */
export function chooseLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}
