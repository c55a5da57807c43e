import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { auth } from '../api/endpoints';
import * as session from '../auth/session';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { usePageTitle } from '../hooks';

/**
 * The end of a first OAuth sign-in when the provider did not give all an account needs: the sealed ticket
 * comes in the fragment (#ticket=…), is taken out of the address bar, and pre-fills the form.
 */
export default function CompleteSignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [ticket] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('ticket'));
  const [known, setKnown] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  usePageTitle(t('complete.title'));

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
    if (!ticket) return;
    auth.ticket(ticket).then(setKnown, setError);
  }, [ticket]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ticket) return;
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    setBusy(true);
    try {
      session.accept(
        await auth.completeSignUp({
          ticket,
          username: value('username'),
          email: value('email'),
          firstName: value('firstName'),
          lastName: value('lastName'),
        }),
      );
      navigate('/library', { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  if (!ticket) {
    return (
      <section className="narrow">
        <h1>{t('complete.title')}</h1>
        <p className="error">{t('errors.oauth-ticket-invalid')}</p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t('complete.title')}</h1>
      <p>{t('complete.intro')}</p>
      <form onSubmit={(event) => void submit(event)} className="form" key={Object.keys(known).length}>
        <Field label={t('fields.email')} name="email" type="email" required defaultValue={known.email} error={error} />
        <Field label={t('fields.username')} name="username" required defaultValue={known.username} error={error} />
        <div className="field-row">
          <Field label={t('fields.firstName')} name="firstName" required defaultValue={known.firstName} error={error} />
          <Field label={t('fields.lastName')} name="lastName" required defaultValue={known.lastName} error={error} />
        </div>
        <ErrorText error={error} />
        <button type="submit" className="button primary" disabled={busy}>
          {t('complete.submit')}
        </button>
      </form>
    </section>
  );
}
