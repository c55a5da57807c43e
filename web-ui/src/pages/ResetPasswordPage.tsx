import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { auth } from '../api/endpoints';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { usePageTitle } from '../hooks';

/** The reset link's token, from the fragment (#token=…), which never reaches a server. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token && token.length <= 128 ? token : null;
}

/**
 * Password reset: without a token, ask for a link by email; with the token from the mailed link
 * (`/reset-password#token=…`), choose the new password. The token is taken out of the address bar at once.
 */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  usePageTitle(t('reset.title'));

  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    }
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      if (token) await auth.confirmReset(token, String(form.get('password')));
      else await auth.requestReset(String(form.get('email')).trim());
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <section className="narrow">
        <h1>{t('reset.title')}</h1>
        <p role="status">{token ? t('reset.changed') : t('reset.sent')}</p>
        <p>
          <Link className="button primary" to="/sign-in">
            {t('signIn.title')}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <section className="narrow">
      <h1>{token ? t('reset.chooseTitle') : t('reset.title')}</h1>
      <p>{token ? t('reset.chooseIntro') : t('reset.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="form">
        {token ? (
          <Field
            label={t('fields.newPassword')}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={256}
            hint={t('fields.rules.password')}
            error={error}
          />
        ) : (
          <Field label={t('fields.email')} name="email" type="email" autoComplete="email" required maxLength={254} error={error} />
        )}
        <ErrorText error={error} />
        <button type="submit" className="button primary" disabled={busy}>
          {token ? t('reset.change') : t('reset.send')}
        </button>
      </form>
      <p className="links">
        <Link to="/sign-in">{t('reset.back')}</Link>
      </p>
    </section>
  );
}
