/**
 * Trackers: announcing to learn of peers (HTTP per BEP 3, 23 and 7; UDP per BEP 15), scraping swarm
 * health, and the announcer that walks a torrent's tracker tiers (BEP 12) at the intervals they ask.
 */
package com.hypertube.torrent.tracker;
