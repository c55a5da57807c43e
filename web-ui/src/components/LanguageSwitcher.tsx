import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { users } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import * as session from '../auth/session';
import { LANGUAGES, isLanguage, switchLanguage } from '../i18n';

/** The UI's language; for a signed-in user it is their profile's preference, saved there. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const id = useId();
  const change = async (language: string) => {
    if (!isLanguage(language)) return;
    await switchLanguage(language);
    if (user) {
      try {
        session.setUser(await users.update({ preferredLanguage: language }));
      } catch {
        // The UI changed anyway; the profile keeps its old preference until the next try.
      }
    }
  };
  return (
    <span className="language">
      <label htmlFor={id} className="visually-hidden">
        {t('layout.language')}
      </label>
      <select id={id} value={i18n.language} onChange={(event) => void change(event.target.value)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
