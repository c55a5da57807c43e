package com.hypertube.media.support;

import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading answers in tests. */
public final class Json {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Json() {}

    public static JsonNode read(String body) {
        return JSON.readTree(body);
    }

    /** The text of a field of every element of an array. */
    public static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path(field).asString())
                .toList();
    }
}
