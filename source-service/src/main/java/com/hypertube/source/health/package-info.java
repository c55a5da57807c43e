/**
 * Keeps the stored sources' seeder and leecher counts fresh: their trackers are scraped on a schedule, many
 * torrents a request, so the ranking's "health first" reads counts that are not a day old.
 */
package com.hypertube.source.health;
