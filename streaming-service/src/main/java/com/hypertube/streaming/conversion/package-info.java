/**
 * Seed 001's conversion queue: when a download completes, each of its videos that no common browser plays as
 * it is gets a job ({@link ConversionJobs}: the row, then the message); a worker ({@link ConversionWorker})
 * writes a faststart MP4 beside it — remuxed when the codecs allow, transcoded when they must — at a low CPU
 * priority, checks it with ffprobe, and from then on the copy is played with plain Range requests.
 */
package com.hypertube.streaming.conversion;
