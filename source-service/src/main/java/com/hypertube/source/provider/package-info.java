/**
 * Where torrents for a title come from: YTS, EZTV, Torznab indexers and a local folder, each behind {@link
 * com.hypertube.source.provider.SourceProvider}, asked together by {@link com.hypertube.source.provider.Providers}.
 * Every provider bounds its own calls (timeouts, a circuit breaker, a call rate) and turns what it is given into
 * {@link com.hypertube.source.provider.FoundSource}s, dropping what is not a valid torrent.
 */
package com.hypertube.source.provider;
