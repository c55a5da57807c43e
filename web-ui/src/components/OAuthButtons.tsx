import { useTranslation } from 'react-i18next';
import { auth } from '../api/endpoints';
import * as session from '../auth/session';
import { useLoad } from '../hooks';

/**
 * A button per OAuth provider auth-service has configured (GET /api/auth/oauth/providers). Each is a plain
 * link: the browser goes to the provider and comes back with the session in cookies.
 */
export function OAuthButtons({ linked = [], mode = 'signIn' }: { linked?: string[]; mode?: 'signIn' | 'link' }) {
  const { t } = useTranslation();
  const providers = useLoad(() => auth.providers(), []);
  const shown = (providers.data ?? []).filter((provider) => !linked.includes(provider));
  if (shown.length === 0) return null;
  return (
    <div className="oauth">
      {mode === 'signIn' ? <p className="oauth-or">{t('signIn.or')}</p> : null}
      <ul className="oauth-list">
        {shown.map((provider) => (
          <li key={provider}>
            <a
              className="button"
              href={`/api/auth/oauth/${encodeURIComponent(provider)}/authorize`}
              // Back from the provider, the app looks for the session the cookies now hold.
              onClick={() => session.hint(true)}
            >
              {t(mode === 'signIn' ? 'signIn.with' : 'profile.link', {
                provider: t(`providers.${provider}`, { defaultValue: provider }),
              })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
