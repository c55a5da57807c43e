import { describe, expect, it } from 'vitest';
import { NO_FILTERS, isNarrowed, parseFilters, toApiQuery, toSearchParams, withChange } from './filters';

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe('library filters in the URL', () => {
  it('reads every filter and writes them back in a stable order', () => {
    const filters = parse('order=asc&sort=year&rating=7&to=2000&from=1990&genre=878&q=dune&kind=show');
    expect(filters).toEqual({
      kind: 'show',
      query: 'dune',
      genre: '878',
      yearFrom: 1990,
      yearTo: 2000,
      minRating: 7,
      sort: 'year',
      order: 'asc',
    });
    expect(toSearchParams(filters).toString()).toBe('kind=show&q=dune&genre=878&from=1990&to=2000&rating=7&sort=year&order=asc');
  });

  it('gives the defaults for an empty query and writes nothing for them', () => {
    expect(parse('')).toEqual(NO_FILTERS);
    expect(toSearchParams(NO_FILTERS).toString()).toBe('');
  });

  it('drops what the catalog would refuse instead of sending it', () => {
    const filters = parse('kind=music&from=12&to=3000&rating=11&sort=random&order=sideways&genre=');
    expect(filters).toEqual(NO_FILTERS);
    expect(parse('rating=abc').minRating).toBeNull();
    expect(parse('rating=0').minRating).toBeNull();
    expect(parse('from=19x9').yearFrom).toBeNull();
  });

  it('puts a reversed year range the right way round', () => {
    const filters = parse('from=2010&to=1990');
    expect([filters.yearFrom, filters.yearTo]).toEqual([1990, 2010]);
  });

  it('tidies the search text and cuts it to 100 characters', () => {
    expect(parse('q=%20%20the%20%20%20matrix%20').query).toBe('the matrix');
    expect(parse(`q=${'a'.repeat(150)}`).query).toHaveLength(100);
  });

  it('maps to the catalog parameters, leaving out what is not set', () => {
    expect(toApiQuery(parse('q=alien&from=1979&rating=7.5'))).toEqual({
      query: 'alien',
      genre: null,
      yearFrom: 1979,
      yearTo: null,
      minRating: 7.5,
      sort: null,
      order: null,
    });
  });

  it('forgets the genre when switching between films and series', () => {
    const filters = parse('genre=28&from=2000');
    expect(withChange(filters, { kind: 'show' }).toString()).toBe('kind=show&from=2000');
    expect(withChange(filters, { yearTo: 2005 }).toString()).toBe('genre=28&from=2000&to=2005');
  });

  it('knows when the list is narrowed (then "continue watching" steps aside)', () => {
    expect(isNarrowed(parse('sort=year&kind=show'))).toBe(false);
    expect(isNarrowed(parse('q=x'))).toBe(true);
    expect(isNarrowed(parse('rating=6'))).toBe(true);
  });
});
