import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { catalog, streaming } from '../api/endpoints';
import type { Source, TitleDetails, TitleKind } from '../api/types';
import { ErrorText } from '../components/ErrorText';
import { Cover, RatingText } from '../components/TitleCard';
import { useLoad, usePageTitle } from '../hooks';
import { watchPath } from '../routes';
import { Comments } from './Comments';
import NotFoundPage from '../pages/NotFoundPage';
import { ApiError } from '../api/problem';

/** A title's page: what it is, its sources ranked with their reasons, and its comments. */
export default function TitlePage() {
  const { t } = useTranslation();
  const params = useParams();
  const kind: TitleKind = params.kind === 'show' ? 'show' : 'movie';
  const id = params.id ?? '';
  const details = useLoad(() => catalog.details(kind, id), [kind, id]);
  usePageTitle(details.data?.title);

  if (details.error instanceof ApiError && details.error.status === 404) return <NotFoundPage />;
  if (details.error) return <ErrorText error={details.error} />;
  if (!details.data) {
    return (
      <div className="title-page skeleton" aria-busy="true">
        <p role="status" className="visually-hidden">
          {t('common.loading')}
        </p>
        <div className="cover cover-large" />
      </div>
    );
  }
  const title = details.data;
  return (
    <article className="title-page">
      <div className="title-head">
        <Cover url={title.coverUrl} title={title.title} size="large" />
        <div className="title-facts">
          <h1>
            {title.title} {title.year ? <span className="year">({title.year})</span> : null}
          </h1>
          {title.originalTitle && title.originalTitle !== title.title ? <p className="original">{title.originalTitle}</p> : null}
          <p className="facts">
            {title.runtimeMinutes ? <span>{t('title.minutes', { count: title.runtimeMinutes })}</span> : null}
            <RatingText rating={title.rating} />
            {title.watched ? <span className="badge badge-watched">{t('library.watched')}</span> : null}
            {!title.watched && title.inProgress ? <span className="badge badge-progress">{t('library.inProgress')}</span> : null}
          </p>
          {title.genres.length ? (
            <ul className="genres" aria-label={t('title.genres')}>
              {title.genres.map((genre) => (
                <li key={genre}>{genre}</li>
              ))}
            </ul>
          ) : null}
          {title.overview ? <p className="overview">{title.overview}</p> : null}
          <People title={title} />
        </div>
      </div>
      {kind === 'movie' ? <Sources titleId={title.id} imdbId={title.imdbId} load={() => catalog.filmSources(title.id)} kind="movie" /> : <Seasons title={title} />}
      <Comments kind={kind} titleId={title.id} />
    </article>
  );
}

function People({ title }: { title: TitleDetails }) {
  const { t } = useTranslation();
  if (!title.director && title.producers.length === 0 && title.cast.length === 0) return null;
  return (
    <dl className="people">
      {title.director ? (
        <>
          <dt>{t('title.director')}</dt>
          <dd>{title.director}</dd>
        </>
      ) : null}
      {title.producers.length ? (
        <>
          <dt>{t('title.producers')}</dt>
          <dd>{title.producers.join(', ')}</dd>
        </>
      ) : null}
      {title.cast.length ? (
        <>
          <dt>{t('title.cast')}</dt>
          <dd>
            {title.cast
              .slice(0, 12)
              .map((member) => (member.character ? t('title.as', { name: member.name, character: member.character }) : member.name))
              .join(', ')}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Seasons({ title }: { title: TitleDetails }) {
  const { t } = useTranslation();
  const [season, setSeason] = useState(() => title.seasons.find((s) => s.number > 0)?.number ?? title.seasons[0]?.number ?? 1);
  const [episode, setEpisode] = useState<number | null>(null);
  const loaded = useLoad(() => catalog.season(title.id, season), [title.id, season]);
  if (title.seasons.length === 0) return <p className="empty">{t('title.noSeasons')}</p>;
  return (
    <section aria-labelledby="seasons-heading" className="seasons">
      <h2 id="seasons-heading">{t('title.seasons')}</h2>
      <label htmlFor="season-select" className="visually-hidden">
        {t('title.season')}
      </label>
      <select
        id="season-select"
        value={season}
        onChange={(event) => {
          setSeason(Number(event.target.value));
          setEpisode(null);
        }}
      >
        {title.seasons.map((s) => (
          <option key={s.number} value={s.number}>
            {s.name || t('title.seasonNumber', { number: s.number })}
          </option>
        ))}
      </select>
      <ErrorText error={loaded.error} />
      <ol className="episodes">
        {(loaded.data?.episodes ?? []).map((e) => (
          <li key={e.number}>
            <button
              type="button"
              className="episode"
              aria-expanded={episode === e.number}
              onClick={() => setEpisode(episode === e.number ? null : e.number)}
            >
              <span className="episode-number">{t('title.episodeNumber', { number: e.number })}</span> {e.name}
            </button>
            {episode === e.number ? (
              <div className="episode-body">
                {e.overview ? <p>{e.overview}</p> : null}
                <Sources
                  titleId={title.id}
                  imdbId={title.imdbId}
                  kind="show"
                  season={season}
                  episode={e.number}
                  load={() => catalog.episodeSources(title.id, season, e.number)}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function formatSize(bytes?: number | null): string | null {
  if (!bytes) return null;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value >= 10 || unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** The ranked sources, best first, each with its swarm health and the reasons for its rank; play in one click. */
function Sources({
  titleId,
  imdbId,
  kind,
  season,
  episode,
  load,
}: {
  titleId: string;
  imdbId?: string | null;
  kind: TitleKind;
  season?: number;
  episode?: number;
  load: () => Promise<{ sources: Source[] }>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sources = useLoad(load, [titleId, season, episode]);
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();

  const play = async (source: Source) => {
    setStarting(source.infoHash);
    setError(undefined);
    try {
      const torrent = await streaming.startMagnet(source.magnet);
      navigate(
        watchPath({ infoHash: torrent.infoHash, fileIndex: torrent.defaultFileIndex, titleId, kind, season, episode, imdbId }),
      );
    } catch (failure) {
      setError(failure);
      setStarting(null);
    }
  };

  return (
    <section aria-labelledby={`sources-${season ?? 0}-${episode ?? 0}`} className="sources">
      <h2 id={`sources-${season ?? 0}-${episode ?? 0}`}>{t('sources.title')}</h2>
      {sources.loading ? <p role="status">{t('sources.searching')}</p> : null}
      <ErrorText error={sources.error ?? error} />
      {sources.data && sources.data.sources.length === 0 ? <p className="empty">{t('sources.none')}</p> : null}
      <ol className="source-list">
        {(sources.data?.sources ?? []).map((source, index) => (
          <li key={source.infoHash} className="source">
            <div className="source-head">
              <button type="button" className="button primary" disabled={starting !== null} onClick={() => void play(source)}>
                {starting === source.infoHash ? t('sources.starting') : index === 0 ? t('sources.playBest') : t('sources.play')}
              </button>
              <span className="source-name">{source.name}</span>
            </div>
            <p className="source-facts">
              {source.quality ? <span className="tag">{source.quality}</span> : null}
              <span className={`tag playback-${source.playback}`}>{t(`sources.playback.${source.playback}`, { defaultValue: source.playback })}</span>
              {formatSize(source.sizeBytes) ? <span>{formatSize(source.sizeBytes)}</span> : null}
              <span className={health(source)}>
                {source.seeders === null || source.seeders === undefined
                  ? t('sources.healthUnknown')
                  : t('sources.health', { seeders: source.seeders, leechers: source.leechers ?? 0 })}
              </span>
              <span className="provider">{source.provider}</span>
            </p>
            {source.reasons.length ? (
              <ul className="reasons" aria-label={t('sources.reasons')}>
                {source.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function health(source: Source): string {
  const seeders = source.seeders ?? -1;
  if (seeders < 0) return 'health health-unknown';
  if (seeders === 0) return 'health health-dead';
  if (seeders < 5) return 'health health-weak';
  return 'health health-good';
}
