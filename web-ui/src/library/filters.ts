import type { TitleKind } from '../api/types';

/**
 * The library's search, filters and sort, kept in the URL (so a reload, a shared link or the back button
 * gives the same list): `?kind=show&q=dune&genre=878&from=1990&to=2000&rating=7&sort=year&order=asc`.
 * Whatever the URL holds is checked here: a value the catalog would refuse is dropped, not sent.
 */

export const SORTS = ['popularity', 'name', 'year', 'rating'] as const;
export type Sort = (typeof SORTS)[number];
export type Order = 'asc' | 'desc';

export const MIN_YEAR = 1870;
export const MAX_YEAR = 2200;
export const MAX_QUERY = 100;

export interface LibraryFilters {
  kind: TitleKind;
  query: string;
  genre: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  minRating: number | null;
  /** null: the catalog's default (popularity, or by name when searching). */
  sort: Sort | null;
  /** null: the sort's own default direction. */
  order: Order | null;
}

export const NO_FILTERS: LibraryFilters = {
  kind: 'movie',
  query: '',
  genre: null,
  yearFrom: null,
  yearTo: null,
  minRating: null,
  sort: null,
  order: null,
};

function year(value: string | null): number | null {
  if (value === null || !/^\d{4}$/.test(value.trim())) return null;
  const number = Number(value);
  return number >= MIN_YEAR && number <= MAX_YEAR ? number : null;
}

function rating(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || number > 10) return null;
  return Math.round(number * 10) / 10;
}

export function parseFilters(params: URLSearchParams): LibraryFilters {
  let yearFrom = year(params.get('from'));
  let yearTo = year(params.get('to'));
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  const sort = params.get('sort');
  const order = params.get('order');
  const genre = params.get('genre')?.trim() ?? '';
  return {
    kind: params.get('kind') === 'show' ? 'show' : 'movie',
    query: (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY),
    genre: genre && genre.length <= 64 ? genre : null,
    yearFrom,
    yearTo,
    minRating: rating(params.get('rating')),
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : null,
    order: order === 'asc' || order === 'desc' ? order : null,
  };
}

/** The URL's query for these filters: only what differs from the defaults, always in the same order. */
export function toSearchParams(filters: LibraryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind !== 'movie') params.set('kind', filters.kind);
  if (filters.query) params.set('q', filters.query);
  if (filters.genre) params.set('genre', filters.genre);
  if (filters.yearFrom !== null) params.set('from', String(filters.yearFrom));
  if (filters.yearTo !== null) params.set('to', String(filters.yearTo));
  if (filters.minRating !== null) params.set('rating', String(filters.minRating));
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.order) params.set('order', filters.order);
  return params;
}

/** The catalog's parameters (media-service CatalogController.ListParams). */
export function toApiQuery(filters: LibraryFilters): Record<string, string | number | null> {
  return {
    query: filters.query || null,
    genre: filters.genre,
    yearFrom: filters.yearFrom,
    yearTo: filters.yearTo,
    minRating: filters.minRating,
    sort: filters.sort,
    order: filters.order,
  };
}

/** Anything narrowing the list: then "continue watching" steps aside. */
export function isNarrowed(filters: LibraryFilters): boolean {
  return (
    filters.query !== '' ||
    filters.genre !== null ||
    filters.yearFrom !== null ||
    filters.yearTo !== null ||
    filters.minRating !== null
  );
}

/** The filters with one change, as the next URL query. */
export function withChange(filters: LibraryFilters, change: Partial<LibraryFilters>): URLSearchParams {
  const next = { ...filters, ...change };
  if (change.kind && change.kind !== filters.kind) next.genre = null; // genres differ between films and series
  return toSearchParams(parseFilters(toSearchParams(next)));
}
