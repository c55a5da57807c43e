package com.hypertube.torrent.tracker;

/** A torrent's swarm as a tracker counts it. */
public record ScrapeResponse(int seeders, int completed, int leechers) {}
