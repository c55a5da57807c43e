import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { catalog, library } from '../api/endpoints';
import { isAbort } from '../api/http';
import type { TitleSummary } from '../api/types';
import { ErrorText } from '../components/ErrorText';
import { SkeletonCards, TitleCard } from '../components/TitleCard';
import { useDebounced, useLoad, usePageTitle, useVisible } from '../hooks';
import {
  MAX_YEAR,
  MIN_YEAR,
  NO_FILTERS,
  SORTS,
  isNarrowed,
  parseFilters,
  toSearchParams,
  withChange,
  type LibraryFilters,
} from './filters';

interface ListState {
  items: TitleSummary[];
  cursor: string | null;
  loading: boolean;
  error: unknown;
}

const EMPTY: ListState = { items: [], cursor: null, loading: true, error: undefined };

/**
 * The library: search, filters and sort in the URL, pages added as the end of the list scrolls into view
 * (no "next" link), skeletons while loading, and "continue watching" first when nothing narrows the list.
 */
export default function LibraryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const key = toSearchParams(filters).toString();
  usePageTitle(t('library.title'));

  const [text, setText] = useState(filters.query);
  const settled = useDebounced(text, 350);
  const lastQuery = useRef(filters.query);
  useEffect(() => {
    // The URL changed by itself (back button, a link): the box follows it.
    if (filters.query !== lastQuery.current) {
      lastQuery.current = filters.query;
      setText(filters.query);
    }
  }, [filters.query]);
  useEffect(() => {
    const query = settled.replace(/\s+/g, ' ').trim();
    if (query !== filters.query) {
      lastQuery.current = query;
      setParams(withChange(filters, { query }), { replace: true });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  const change = (next: Partial<LibraryFilters>) => setParams(withChange(filters, next));
  const clear = () => {
    lastQuery.current = '';
    setText('');
    setParams(toSearchParams({ ...NO_FILTERS, kind: filters.kind }));
  };

  const [list, setList] = useState<ListState>(EMPTY);
  const generation = useRef(0);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    (cursor: string | null) => {
      const round = generation.current;
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setList((state) => ({ ...state, loading: true, error: undefined }));
      catalog
        .page(filters, cursor, abort.signal)
        .then((page) => {
          if (round !== generation.current) return;
          setList((state) => ({
            items: cursor ? [...state.items, ...page.items.filter((item) => !state.items.some((known) => known.id === item.id))] : page.items,
            cursor: page.nextCursor,
            loading: false,
            error: undefined,
          }));
        })
        .catch((error: unknown) => {
          if (round !== generation.current || isAbort(error)) return;
          setList((state) => ({ ...state, loading: false, error }));
        });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  useEffect(() => {
    generation.current += 1;
    setList(EMPTY);
    load(null);
    return () => controller.current?.abort();
  }, [load]);

  const more = useVisible<HTMLDivElement>(() => {
    if (list.cursor && !list.loading && !list.error) load(list.cursor);
  }, Boolean(list.cursor) && !list.loading && !list.error);

  const genres = useLoad(() => catalog.genres(filters.kind), [filters.kind]);
  const resumable = useLoad(() => library.continueWatching(), []);
  const showContinue = !isNarrowed(filters) && (resumable.data?.length ?? 0) > 0;

  return (
    <div className="library">
      <h1 className="visually-hidden">{t('library.title')}</h1>
      <div className="library-search">
        <form role="search" onSubmit={(event: FormEvent) => event.preventDefault()}>
          <label htmlFor="library-query" className="visually-hidden">
            {t('library.search')}
          </label>
          <input
            id="library-query"
            type="search"
            placeholder={t('library.searchPlaceholder')}
            value={text}
            maxLength={100}
            onChange={(event) => setText(event.target.value)}
          />
        </form>
        <Filters filters={filters} genres={genres.data ?? []} onChange={change} onClear={clear} />
      </div>

      {showContinue ? (
        <section aria-labelledby="continue-heading" className="continue">
          <h2 id="continue-heading">{t('library.continue')}</h2>
          <ul className="grid grid-row">
            {resumable.data!.map((entry) => (
              <TitleCard
                key={`${entry.title.id}-${entry.progress.season}-${entry.progress.episode}`}
                title={entry.title}
                progress={entry.progress.positionSeconds / Math.max(1, entry.progress.durationSeconds)}
              />
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{filters.query ? t('library.results', { query: filters.query }) : t(filters.kind === 'show' ? 'library.shows' : 'library.movies')}</h2>
        <ul className="grid" aria-busy={list.loading}>
          {list.items.map((title) => (
            <TitleCard key={title.id} title={title} />
          ))}
          {list.loading ? <SkeletonCards count={list.items.length ? 6 : 12} /> : null}
        </ul>
        <p className="visually-hidden" role="status">
          {list.loading ? t('common.loading') : t('library.count', { count: list.items.length })}
        </p>
        {list.error ? (
          <div className="list-error">
            <ErrorText error={list.error} />
            <button type="button" className="button" onClick={() => load(list.cursor)}>
              {t('common.retry')}
            </button>
          </div>
        ) : null}
        {!list.loading && !list.error && list.items.length === 0 ? (
          <div className="empty">
            {isNarrowed(filters) ? (
              <>
                <p>{t('library.emptyFiltered')}</p>
                <button type="button" className="button" onClick={clear}>
                  {t('library.clear')}
                </button>
              </>
            ) : (
              <>
                <p>{t('library.emptyCatalog')}</p>
                <Link className="button" to="/play">
                  {t('library.playOwn')}
                </Link>
              </>
            )}
          </div>
        ) : null}
        <div ref={more} className="sentinel" aria-hidden="true" />
      </section>
    </div>
  );
}

function Filters({
  filters,
  genres,
  onChange,
  onClear,
}: {
  filters: LibraryFilters;
  genres: { id: string; name: string }[];
  onChange: (change: Partial<LibraryFilters>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const year = (value: string) => {
    const number = Number(value);
    return value && Number.isInteger(number) && number >= MIN_YEAR && number <= MAX_YEAR ? number : null;
  };
  return (
    <div className="filters">
      <fieldset className="kind">
        <legend className="visually-hidden">{t('library.kind')}</legend>
        {(['movie', 'show'] as const).map((kind) => (
          <label key={kind} className={filters.kind === kind ? 'chip chip-on' : 'chip'}>
            <input type="radio" name="kind" value={kind} checked={filters.kind === kind} onChange={() => onChange({ kind })} />
            {t(kind === 'show' ? 'library.shows' : 'library.movies')}
          </label>
        ))}
      </fieldset>
      <span className="filter">
        <label htmlFor={`${id}-genre`}>{t('library.genre')}</label>
        <select id={`${id}-genre`} value={filters.genre ?? ''} onChange={(event) => onChange({ genre: event.target.value || null })}>
          <option value="">{t('library.anyGenre')}</option>
          {genres.map((genre) => (
            <option key={genre.id} value={genre.id}>
              {genre.name}
            </option>
          ))}
          {filters.genre && !genres.some((genre) => genre.id === filters.genre) ? <option value={filters.genre}>{filters.genre}</option> : null}
        </select>
      </span>
      <span className="filter">
        <label htmlFor={`${id}-from`}>{t('library.yearFrom')}</label>
        <input
          id={`${id}-from`}
          type="number"
          inputMode="numeric"
          min={MIN_YEAR}
          max={MAX_YEAR}
          key={`from-${filters.yearFrom}`}
          defaultValue={filters.yearFrom ?? ''}
          onBlur={(event) => year(event.target.value) !== filters.yearFrom && onChange({ yearFrom: year(event.target.value) })}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        />
      </span>
      <span className="filter">
        <label htmlFor={`${id}-to`}>{t('library.yearTo')}</label>
        <input
          id={`${id}-to`}
          type="number"
          inputMode="numeric"
          min={MIN_YEAR}
          max={MAX_YEAR}
          key={`to-${filters.yearTo}`}
          defaultValue={filters.yearTo ?? ''}
          onBlur={(event) => year(event.target.value) !== filters.yearTo && onChange({ yearTo: year(event.target.value) })}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        />
      </span>
      <span className="filter">
        <label htmlFor={`${id}-rating`}>{t('library.minRating')}</label>
        <select id={`${id}-rating`} value={filters.minRating ?? ''} onChange={(event) => onChange({ minRating: event.target.value ? Number(event.target.value) : null })}>
          <option value="">{t('library.anyRating')}</option>
          {[5, 6, 7, 8, 9].map((value) => (
            <option key={value} value={value}>
              {t('library.atLeast', { value })}
            </option>
          ))}
        </select>
      </span>
      <span className="filter">
        <label htmlFor={`${id}-sort`}>{t('library.sort')}</label>
        <select id={`${id}-sort`} value={filters.sort ?? ''} onChange={(event) => onChange({ sort: (event.target.value || null) as LibraryFilters['sort'] })}>
          <option value="">{t('library.sortDefault')}</option>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`library.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </span>
      <span className="filter">
        <label htmlFor={`${id}-order`}>{t('library.order')}</label>
        <select id={`${id}-order`} value={filters.order ?? ''} onChange={(event) => onChange({ order: (event.target.value || null) as LibraryFilters['order'] })}>
          <option value="">{t('library.orderDefault')}</option>
          <option value="asc">{t('library.asc')}</option>
          <option value="desc">{t('library.desc')}</option>
        </select>
      </span>
      {isNarrowed(filters) || filters.sort || filters.order ? (
        <button type="button" className="button subtle" onClick={onClear}>
          {t('library.clear')}
        </button>
      ) : null}
    </div>
  );
}
