package com.hypertube.streaming.playback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One ffmpeg run of an HLS session, from the point a request asked for: its folder of segments numbered from 0,
 * and where each one lies in the film — read from ffmpeg's own playlist (each finished segment's length) and the
 * first segment's decode time ({@link Fmp4}). Copied video starts at the keyframe before the point asked for and
 * is cut at its own keyframes, so its segments need not match our playlist's grid: a request is answered with
 * the segment that covers the time it stands for.
 */
final class HlsRun {

    /**
     * A segment answers for a time if it holds the moment just after it: a film's first frame is often at 0.04 s
     * rather than 0, and a transcode's segments start that little late all through.
     */
    static final double TOLERANCE_SECONDS = 0.25;

    /** A finished segment of the run: its file, and the film's time it covers. */
    record Segment(Path file, double start, double end) {}

    private final Path folder;
    private final Process process;
    private final int firstSegment;
    private final double requestedStart;
    private double firstStart = Double.NaN;

    HlsRun(Path folder, Process process, int firstSegment, double requestedStart) {
        this.folder = folder;
        this.process = process;
        this.firstSegment = firstSegment;
        this.requestedStart = requestedStart;
    }

    Path folder() {
        return folder;
    }

    Process process() {
        return process;
    }

    int firstSegment() {
        return firstSegment;
    }

    Path init() {
        return folder.resolve("init.mp4");
    }

    boolean isRunning() {
        return process.isAlive();
    }

    /** The finished segment covering the film's time {@code seconds}, if this run wrote it. */
    Optional<Path> covering(double seconds) throws IOException {
        for (Segment segment : segments()) {
            double moment = seconds + TOLERANCE_SECONDS;
            if (segment.start() <= moment && moment < segment.end()) {
                return Optional.of(segment.file());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether this running ffmpeg will soon write the segment covering {@code seconds}: it started at or before
     * that time and is at most {@code lookaheadSeconds} short of it.
     */
    boolean willReach(double seconds, double lookaheadSeconds) throws IOException {
        if (!isRunning()) {
            return false;
        }
        List<Segment> written = segments();
        double start = written.isEmpty() ? requestedStart : written.getFirst().start();
        return seconds >= start - TOLERANCE_SECONDS && seconds <= writtenUntil(written) + lookaheadSeconds;
    }

    /** The film's time up to which segments are written (the start asked for, before the first one). */
    double writtenUntil() throws IOException {
        return writtenUntil(segments());
    }

    private double writtenUntil(List<Segment> written) {
        return written.isEmpty() ? requestedStart : written.getLast().end();
    }

    /** The finished segments, in order: ffmpeg lists a segment in its playlist once the file is whole. */
    List<Segment> segments() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve("ffmpeg.m3u8"));
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Segment> segments = new ArrayList<>();
        double length = -1;
        double at = Double.NaN;
        for (String line : lines) {
            if (line.startsWith("#EXTINF:")) {
                length = Double.parseDouble(
                        line.substring(8, line.indexOf(',') < 0 ? line.length() : line.indexOf(',')));
            } else if (!line.isBlank() && !line.startsWith("#") && length >= 0) {
                Path file = folder.resolve(line.strip());
                if (segments.isEmpty()) {
                    at = firstStart(file);
                    if (Double.isNaN(at)) {
                        return List.of();
                    }
                }
                segments.add(new Segment(file, at, at + length));
                at += length;
                length = -1;
            }
        }
        return segments;
    }

    private double firstStart(Path first) throws IOException {
        if (Double.isNaN(firstStart)) {
            OptionalDouble start = Fmp4.startSeconds(init(), first);
            if (start.isPresent()) {
                firstStart = start.getAsDouble();
            }
        }
        return firstStart;
    }
}
