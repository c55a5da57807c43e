import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';

/**
 * The app's words come from the translation files (locales/*.json), never from the code. The language is
 * the signed-in user's preference (their profile's preferredLanguage); before sign-in, the one chosen in
 * the header (remembered in localStorage), else the browser's.
 */

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_KEY = 'hypertube.language';

export const resources = { en: { translation: en }, fr: { translation: fr } } as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first of: the profile's preference, the remembered choice, the browser's languages; else English. */
export function pickLanguage(
  preferred: string | null | undefined,
  remembered: string | null | undefined,
  browser: readonly string[],
): Language {
  if (isLanguage(preferred)) return preferred;
  if (isLanguage(remembered)) return remembered;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function remembered(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/** Switch the UI's language (and the page's lang attribute); remembered for the next visit. */
export async function switchLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not remembered: the profile's preference still applies after sign-in.
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

const initial = pickLanguage(
  null,
  typeof window !== 'undefined' ? remembered() : null,
  typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [],
);

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes: every text is rendered as text
  returnNull: false,
  react: { useSuspense: false },
});

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});
if (typeof document !== 'undefined') document.documentElement.lang = initial;

export default i18n;
