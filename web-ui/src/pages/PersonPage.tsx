import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { users } from '../api/endpoints';
import { ApiError } from '../api/problem';
import { ErrorText } from '../components/ErrorText';
import { Avatar } from '../components/Avatar';
import { useLoad, usePageTitle } from '../hooks';
import NotFoundPage from './NotFoundPage';

/** Another user's public profile: username, names, avatar. Never their email. */
export default function PersonPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const person = useLoad(() => users.one(id), [id]);
  usePageTitle(person.data?.username);
  if (person.error instanceof ApiError && (person.error.status === 404 || person.error.status === 400)) return <NotFoundPage />;
  if (person.error) return <ErrorText error={person.error} />;
  if (!person.data) return <p role="status">{t('common.loading')}</p>;
  const profile = person.data;
  return (
    <section className="narrow person">
      <Avatar profile={profile} size={128} />
      <h1>{profile.username}</h1>
      <p className="names">
        {profile.firstName} {profile.lastName}
      </p>
      {profile.createdAt ? (
        <p className="hint">{t('person.since', { date: new Date(profile.createdAt).toLocaleDateString(i18n.language) })}</p>
      ) : null}
    </section>
  );
}
