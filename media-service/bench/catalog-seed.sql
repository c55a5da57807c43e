-- The catalog benchmark's library: 10,000 films and 2,000 series with made-up names (three words from a list of
-- 120 and a number), years 1950-2025, ratings, popularity and two genres each. Marked by their overview, so a
-- new run replaces them and leaves every other title alone. Run with psql -v ON_ERROR_STOP=1.
DELETE FROM media.titles WHERE overview = 'hypertube-benchmark';
WITH words AS (
    SELECT string_to_array(
        'amber angel autumn blade blood blue broken castle city cloud cold crimson crown dark dawn dead desert '
        'dream dust eagle echo edge empire fall fire flight forest fortune frozen garden ghost glass gold grace '
        'green harbor heart heaven hidden hollow honor hope horizon hunter ice iron island jade king knight lake '
        'last legend light lion lost lucky machine memory midnight mirror moon mountain night north ocean paper '
        'pearl phantom pirate planet queen quiet rain raven red river road rose ruby saint salt secret shadow '
        'silent silver sky snow soldier song star steel stone storm summer sun sword thunder tiger time tower '
        'twilight valley velvet war water west white wild winter wolf', ' ') AS w
), genres AS (
    SELECT ARRAY['Action', 'Adventure', 'Comedy', 'Crime', 'Drama', 'Fantasy', 'Horror', 'Romance',
                 'Science Fiction', 'Thriller'] AS g
), generated AS (
    SELECT n,
           initcap(w[1 + (n * 7) % cardinality(w)] || ' ' || w[1 + (n * 13) % cardinality(w)] || ' '
                   || w[1 + (n * 31) % cardinality(w)]) || ' ' || n AS title,
           ARRAY[g[1 + n % cardinality(g)], g[1 + (n / 3) % cardinality(g)]] AS title_genres
    FROM generate_series(1, 12000) AS n, words, genres
)
INSERT INTO media.titles (id, kind, title, search_text, release_year, rating, rating_source, popularity, genres,
                          metadata_source, overview, poster_path)
SELECT gen_random_uuid(),
       CASE WHEN n <= 10000 THEN 'movie' ELSE 'show' END,
       title,
       lower(title),
       1950 + (n * 37) % 76,
       round(((n * 53) % 90) / 10.0 + 1, 1),
       'tmdb',
       ((n * 97) % 10007) / 10.0,
       title_genres,
       'demo',
       'hypertube-benchmark',
       '/bench.jpg'
FROM generated;
ANALYZE media.titles;
