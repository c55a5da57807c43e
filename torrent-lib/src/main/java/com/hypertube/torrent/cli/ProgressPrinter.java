package com.hypertube.torrent.cli;

import com.hypertube.torrent.session.TorrentStatus;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows progress: one line rewritten in place on a terminal, a JSON object per line with {@code --json},
 * otherwise a plain line every few seconds (for logs).
 */
final class ProgressPrinter {

    private final PrintStream out;
    private final boolean json;
    private final boolean terminal = System.console() != null;
    private long lastPlainLine;

    ProgressPrinter(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void show(TorrentStatus status) {
        if (json) {
            out.println(Json.object(fields("progress", status)));
        } else if (terminal) {
            out.print("\r" + line(status) + "\u001b[K");
            out.flush();
        } else if (System.currentTimeMillis() - lastPlainLine >= 5_000) {
            lastPlainLine = System.currentTimeMillis();
            out.println(line(status));
        }
    }

    void finish(String event, TorrentStatus status, long millis) {
        if (json) {
            Map<String, Object> fields = fields(event, status);
            fields.put("seconds", millis / 1000.0);
            out.println(Json.object(fields));
        } else {
            if (terminal) {
                out.println();
            }
            out.printf(
                    "%s: %s in %.1f s (%s/s on average)%n",
                    event,
                    bytes(status.verifiedBytes()),
                    millis / 1000.0,
                    bytes(millis == 0 ? 0 : status.verifiedBytes() * 1000 / millis));
        }
    }

    static Map<String, Object> fields(String event, TorrentStatus status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("event", event);
        fields.put("state", status.state().name());
        fields.put("progress", Math.round(status.progress() * 10_000) / 10_000.0);
        fields.put("verifiedBytes", status.verifiedBytes());
        fields.put("wantedBytes", status.wantedBytes());
        fields.put("downloadRate", status.downloadRate());
        fields.put("uploadRate", status.uploadRate());
        fields.put("etaSeconds", status.etaSeconds());
        fields.put("peers", status.peers());
        return fields;
    }

    static String line(TorrentStatus status) {
        return String.format(
                "%-11s %5.1f%%  %s of %s  down %s/s  up %s/s  %d peers  ETA %s",
                status.state(),
                status.progress() * 100,
                bytes(status.verifiedBytes()),
                bytes(status.wantedBytes()),
                bytes(status.downloadRate()),
                bytes(status.uploadRate()),
                status.peers(),
                status.etaSeconds() < 0 ? "?" : status.etaSeconds() + " s");
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }
}
