/**
 * Download jobs (seed 001): a row in {@code download_jobs} written before its message goes on the
 * {@code download} queue, a worker that starts the torrent, and progress written back every few seconds.
 */
package com.hypertube.streaming.download;
