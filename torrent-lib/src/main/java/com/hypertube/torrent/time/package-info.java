/**
 * Time behind an interface ({@link com.hypertube.torrent.time.TimeSource}), shared by the session and the
 * trackers: a package of its own so that neither depends on the other for it.
 */
package com.hypertube.torrent.time;
