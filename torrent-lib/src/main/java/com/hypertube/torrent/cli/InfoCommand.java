package com.hypertube.torrent.cli;

import com.hypertube.torrent.magnet.MagnetLink;
import com.hypertube.torrent.metainfo.Metainfo;
import com.hypertube.torrent.metainfo.TorrentFile;
import com.hypertube.torrent.metainfo.TorrentInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code info}: what a .torrent or magnet link holds. */
final class InfoCommand {

    private final PrintStream out;

    InfoCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> args) throws UsageException, IOException {
        Arguments arguments = new Arguments(args, Set.of(), Set.of("--json"));
        TorrentSource source = TorrentSource.parse(arguments.positional(0, "the torrent file or magnet link"));
        arguments.noMorePositionalsThan(1);
        Map<String, Object> fields =
                source.metainfo() != null ? describe(source.metainfo()) : describe(source.magnet());
        if (arguments.flag("--json")) {
            out.println(Json.object(fields));
        } else {
            fields.forEach((name, value) -> {
                if (value instanceof List<?> list) {
                    out.println(name + ":");
                    list.forEach(item -> out.println("  " + (item instanceof Map<?, ?> map ? map.values() : item)));
                } else {
                    out.println(name + ": " + value);
                }
            });
        }
        return 0;
    }

    private static Map<String, Object> describe(Metainfo metainfo) {
        TorrentInfo info = metainfo.info();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", info.name());
        fields.put("infoHash", metainfo.infoHash().hex());
        fields.put("totalBytes", info.totalLength());
        fields.put("pieceLength", info.pieceLength());
        fields.put("pieces", info.pieceCount());
        fields.put("private", info.isPrivate());
        fields.put(
                "trackers", metainfo.trackers().stream().map(Object::toString).toList());
        fields.put("files", info.files().stream().map(InfoCommand::describe).toList());
        return fields;
    }

    private static Map<String, Object> describe(TorrentFile file) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("index", file.index());
        fields.put("bytes", file.length());
        fields.put("path", file.displayPath());
        return fields;
    }

    private static Map<String, Object> describe(MagnetLink magnet) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", magnet.displayName().orElse("(unknown until the metadata arrives)"));
        fields.put("infoHash", magnet.infoHash().hex());
        fields.put("trackers", magnet.trackers().stream().map(Object::toString).toList());
        fields.put("peers", magnet.peers().stream().map(Object::toString).toList());
        return fields;
    }
}
