/**
 * The sources API: a title's torrents (or a free search's) found by the providers, kept an hour, stored with
 * their swarm counts, and ranked for the caller's preferred quality with the reasons for the order.
 */
package com.hypertube.source.search;
