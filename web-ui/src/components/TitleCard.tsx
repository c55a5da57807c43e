import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Rating, TitleSummary } from '../api/types';
import { titlePath } from '../routes';

export function RatingText({ rating }: { rating?: Rating | null }) {
  const { t } = useTranslation();
  if (!rating) return null;
  const source = t(`rating.${rating.source}`, { defaultValue: rating.source.toUpperCase() });
  return (
    <span className="rating" aria-label={t('rating.label', { value: rating.value.toFixed(1), source })}>
      <span aria-hidden="true">★ {rating.value.toFixed(1)}</span> <small aria-hidden="true">{source}</small>
    </span>
  );
}

export function Cover({ url, title, size = 'small' }: { url?: string | null; title: string; size?: 'small' | 'large' }) {
  return url ? (
    <img className={`cover cover-${size}`} src={url} alt="" loading="lazy" decoding="async" referrerPolicy="no-referrer" />
  ) : (
    <div className={`cover cover-${size} cover-missing`} aria-hidden="true">
      {title.slice(0, 1)}
    </div>
  );
}

/** A title in a list: cover, name, year, rating with its source, watched or in-progress mark. */
export function TitleCard({ title, progress }: { title: TitleSummary; progress?: number }) {
  const { t } = useTranslation();
  return (
    <li className="card">
      <Link to={titlePath(title.kind, title.id)} className="card-link">
        <span className="card-cover">
          <Cover url={title.coverUrl} title={title.title} />
          {title.watched ? <span className="badge badge-watched">{t('library.watched')}</span> : null}
          {!title.watched && title.inProgress ? <span className="badge badge-progress">{t('library.inProgress')}</span> : null}
          {progress !== undefined ? (
            <progress className="progress-bar" max={100} value={Math.round(progress * 100)} aria-label={t('library.watchedShare')} />
          ) : null}
        </span>
        <span className="card-title">{title.title}</span>
      </Link>
      <span className="card-meta">
        {title.year ? <span>{title.year}</span> : null}
        <RatingText rating={title.rating} />
      </span>
    </li>
  );
}

export function SkeletonCards({ count }: { count: number }) {
  return (
    <>
      {Array.from({ length: count }, (_, index) => (
        <li key={index} className="card skeleton" aria-hidden="true">
          <div className="cover cover-small" />
          <div className="skeleton-line" />
          <div className="skeleton-line short" />
        </li>
      ))}
    </>
  );
}
