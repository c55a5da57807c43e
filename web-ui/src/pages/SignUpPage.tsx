import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { auth } from '../api/endpoints';
import * as session from '../auth/session';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { OAuthButtons } from '../components/OAuthButtons';
import { usePageTitle } from '../hooks';
import { isLanguage } from '../i18n';

/** A new account (auth-service POST /api/auth/register), then signed in at once. */
export default function SignUpPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  usePageTitle(t('signUp.title'));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '');
    setBusy(true);
    setError(undefined);
    try {
      await auth.signUp({
        email: value('email').trim(),
        username: value('username').trim(),
        firstName: value('firstName').trim(),
        lastName: value('lastName').trim(),
        password: value('password'),
        preferredLanguage: isLanguage(i18n.language) ? i18n.language : 'en',
      });
      session.accept(await auth.signIn(value('username').trim(), value('password')));
      navigate('/library', { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <h1>{t('signUp.title')}</h1>
      <form onSubmit={(event) => void submit(event)} className="form">
        <Field label={t('fields.email')} name="email" type="email" autoComplete="email" required maxLength={254} error={error} />
        <Field
          label={t('fields.username')}
          name="username"
          autoComplete="username"
          required
          minLength={3}
          maxLength={32}
          pattern="[A-Za-z0-9_.\-]{3,32}"
          hint={t('fields.rules.username')}
          error={error}
        />
        <div className="field-row">
          <Field label={t('fields.firstName')} name="firstName" autoComplete="given-name" required maxLength={64} error={error} />
          <Field label={t('fields.lastName')} name="lastName" autoComplete="family-name" required maxLength={64} error={error} />
        </div>
        <Field
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={256}
          hint={t('fields.rules.password')}
          error={error}
        />
        <ErrorText error={error} />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('signUp.busy') : t('signUp.submit')}
        </button>
      </form>
      <OAuthButtons />
      <p className="links">
        <Link to="/sign-in">{t('signUp.haveAccount')}</Link>
      </p>
    </section>
  );
}
