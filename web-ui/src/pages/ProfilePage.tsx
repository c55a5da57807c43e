import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { auth, users } from '../api/endpoints';
import type { Profile } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import * as session from '../auth/session';
import { Avatar } from '../components/Avatar';
import { ErrorText } from '../components/ErrorText';
import { Field } from '../components/Field';
import { OAuthButtons } from '../components/OAuthButtons';
import { useLoad, usePageTitle } from '../hooks';
import { LANGUAGES, isLanguage, switchLanguage } from '../i18n';
import { ApiClientsSection } from './ApiClientsSection';

/**
 * One's own profile: names, username, email (with the current password), language, password, avatar, providers,
 * and the programs registered for the public API.
 */
export default function ProfilePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params] = useSearchParams();
  usePageTitle(t('profile.title'));
  if (!user) return null;
  const linkedNow = params.get('linked');
  const oauthError = params.get('error');
  return (
    <div className="profile">
      <h1>{t('profile.title')}</h1>
      {linkedNow ? (
        <p role="status" className="notice">
          {t('profile.linked', { provider: t(`providers.${linkedNow}`, { defaultValue: linkedNow }) })}
        </p>
      ) : null}
      {oauthError ? (
        <p role="alert" className="error">
          {t(oauthError === 'oauth-already-linked' ? 'errors.oauth-already-linked' : 'errors.oauth-provider')}
        </p>
      ) : null}
      <AvatarSection user={user} />
      <DetailsSection user={user} />
      <PasswordSection user={user} />
      <ProvidersSection />
      <ApiClientsSection />
    </div>
  );
}

function AvatarSection({ user }: { user: Profile }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // The profile says whether there is a picture (avatarUrl or null): read again after a change.
  const changed = async (change: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await change();
      session.setUser(await users.me());
      setVersion(Date.now());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File | undefined) => (file ? changed(() => users.uploadAvatar(file)) : Promise.resolve());
  return (
    <section aria-labelledby="avatar-heading" className="panel">
      <h2 id="avatar-heading">{t('profile.avatar')}</h2>
      <div className="avatar-row">
        <Avatar key={version} profile={user} size={96} version={version} />
        <div>
          <label htmlFor="avatar-file" className="button">
            {busy ? t('common.saving') : t('profile.chooseAvatar')}
          </label>
          <input
            id="avatar-file"
            className="visually-hidden-file"
            type="file"
            accept="image/png,image/jpeg,image/gif"
            onChange={(event) => void upload(event.target.files?.[0])}
          />
          {user.avatarUrl ? (
            <button type="button" className="button subtle" disabled={busy} onClick={() => void changed(users.removeAvatar)}>
              {t('profile.removeAvatar')}
            </button>
          ) : null}
          <p className="hint">{t('profile.avatarHint')}</p>
        </div>
      </div>
      <ErrorText error={error} />
    </section>
  );
}

function DetailsSection({ user }: { user: Profile }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const [email, setEmail] = useState(user.email ?? '');
  const emailChanged = email.trim() !== (user.email ?? '');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const change: Record<string, string> = {};
    for (const name of ['firstName', 'lastName', 'username', 'preferredLanguage'] as const) {
      if (value(name) && value(name) !== (user[name] ?? '')) change[name] = value(name);
    }
    if (emailChanged) {
      change.email = email.trim();
      if (user.hasPassword) change.currentPassword = String(form.get('currentPassword') ?? '');
    }
    setError(undefined);
    setSaved(false);
    if (Object.keys(change).length === 0) return setSaved(true);
    try {
      const updated = await users.update(change);
      session.setUser(updated);
      if (isLanguage(updated.preferredLanguage)) await switchLanguage(updated.preferredLanguage);
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="details-heading" className="panel">
      <h2 id="details-heading">{t('profile.details')}</h2>
      <form onSubmit={(event) => void submit(event)} className="form">
        <div className="field-row">
          <Field label={t('fields.firstName')} name="firstName" defaultValue={user.firstName} required maxLength={64} error={error} />
          <Field label={t('fields.lastName')} name="lastName" defaultValue={user.lastName} required maxLength={64} error={error} />
        </div>
        <Field label={t('fields.username')} name="username" defaultValue={user.username} required minLength={3} maxLength={32} error={error} />
        <Field
          label={t('fields.email')}
          name="email"
          type="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          required
          maxLength={254}
          error={error}
        />
        {emailChanged && user.hasPassword ? (
          <Field
            label={t('fields.currentPassword')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            hint={t('profile.emailNeedsPassword')}
            error={error}
          />
        ) : null}
        <div className="field">
          <label htmlFor="preferred-language">{t('fields.language')}</label>
          <select id="preferred-language" name="preferredLanguage" defaultValue={user.preferredLanguage ?? 'en'}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
        </div>
        <ErrorText error={error} />
        {saved ? (
          <p role="status" className="notice">
            {t('common.saved')}
          </p>
        ) : null}
        <button type="submit" className="button primary">
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

function PasswordSection({ user }: { user: Profile }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    setError(undefined);
    setSaved(false);
    try {
      session.setUser(
        await users.update({
          currentPassword: user.hasPassword ? String(form.get('currentPassword') ?? '') : undefined,
          newPassword: String(form.get('newPassword') ?? ''),
        }),
      );
      target.reset();
      setSaved(true);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="password-heading" className="panel">
      <h2 id="password-heading">{user.hasPassword ? t('profile.changePassword') : t('profile.setPassword')}</h2>
      <form onSubmit={(event) => void submit(event)} className="form">
        {user.hasPassword ? (
          <Field label={t('fields.currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required error={error} />
        ) : null}
        <Field
          label={t('fields.newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={256}
          hint={t('fields.rules.password')}
          error={error}
        />
        <ErrorText error={error} />
        {saved ? (
          <p role="status" className="notice">
            {t('profile.passwordChanged')}
          </p>
        ) : null}
        <button type="submit" className="button primary">
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}

function ProvidersSection() {
  const { t } = useTranslation();
  const linked = useLoad(() => auth.linkedProviders(), []);
  return (
    <section aria-labelledby="providers-heading" className="panel">
      <h2 id="providers-heading">{t('profile.providers')}</h2>
      {linked.data && linked.data.length ? (
        <ul className="linked">
          {linked.data.map((provider) => (
            <li key={provider}>{t(`providers.${provider}`, { defaultValue: provider })}</li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('profile.noProviders')}</p>
      )}
      <ErrorText error={linked.error} />
      {linked.data ? <OAuthButtons linked={linked.data} mode="link" /> : null}
    </section>
  );
}
