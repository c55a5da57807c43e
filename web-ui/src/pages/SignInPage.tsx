import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { auth } from '../api/endpoints';
import * as session from '../auth/session';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { OAuthButtons } from '../components/OAuthButtons';
import { usePageTitle } from '../hooks';
import { safeNext } from '../routes';

/** Sign-in with a username and password, or a configured OAuth provider. */
export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next')) ?? '/library';
  const oauthError = params.get('error');
  usePageTitle(t('signIn.title'));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      session.accept(await auth.signIn(String(form.get('username')), String(form.get('password'))));
      navigate(next, { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      {oauthError ? (
        <p className="error" role="alert">
          {t(`errors.${['oauth-denied', 'oauth-state', 'oauth-provider'].includes(oauthError) ? oauthError : 'oauth-provider'}`)}
        </p>
      ) : null}
      <form onSubmit={(event) => void submit(event)} className="form" noValidate={false}>
        <Field label={t('fields.username')} name="username" autoComplete="username" required maxLength={64} error={error} />
        <Field
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={256}
          error={error}
        />
        <ErrorText error={error} />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
      <OAuthButtons />
      <p className="links">
        <Link to="/reset-password">{t('signIn.forgot')}</Link>
        <span aria-hidden="true"> · </span>
        <Link to="/sign-up">{t('signIn.noAccount')}</Link>
      </p>
    </section>
  );
}
