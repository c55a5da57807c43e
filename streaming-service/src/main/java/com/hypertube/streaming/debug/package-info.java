/** Seeing inside (seed 003's debug panel): a torrent's peers, pieces and readers, and the service's metrics. */
package com.hypertube.streaming.debug;
