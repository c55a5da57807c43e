/**
 * The extension protocol (BEP 10) and ut_metadata (BEP 9), by which a magnet link gets its info
 * dictionary from peers. ut_pex would slot in beside it.
 */
package com.hypertube.torrent.extension;
