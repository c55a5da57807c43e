package com.hypertube.torrent.cli;

import java.util.Map;
import java.util.stream.Collectors;

/** Just enough JSON for the CLI's machine-readable lines: objects of strings, numbers and booleans. */
final class Json {

    private Json() {}

    static String object(Map<String, ?> fields) {
        return fields.entrySet().stream()
                .map(entry -> string(entry.getKey()) + ":" + value(entry.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Object value) {
        return switch (value) {
            case null -> "null";
            case Number number -> number.toString();
            case Boolean bool -> bool.toString();
            case Map<?, ?> map -> {
                @SuppressWarnings("unchecked")
                Map<String, ?> fields = (Map<String, ?>) map;
                yield object(fields);
            }
            case Iterable<?> list -> {
                StringBuilder out = new StringBuilder("[");
                for (Object item : list) {
                    out.append(out.length() > 1 ? "," : "").append(value(item));
                }
                yield out.append(']').toString();
            }
            default -> string(value.toString());
        };
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
