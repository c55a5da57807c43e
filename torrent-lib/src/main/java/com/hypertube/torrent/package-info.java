/**
 * Hypertube's BitTorrent engine: it fetches the bytes a video player needs now while it downloads the
 * rest. Plain Java with no framework, so the streaming service and the command line drive it alike.
 */
package com.hypertube.torrent;
