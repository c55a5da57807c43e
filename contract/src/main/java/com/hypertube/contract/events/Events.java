package com.hypertube.contract.events;

/** Where events go and what they are called; the records are this package's {@link Event}s. */
public final class Events {

    /**
     * The topic exchange every event and job goes through (streaming-service's job queues are bound to it by
     * their names): durable, not auto-deleted, so every service declares it alike.
     */
    public static final String EXCHANGE = "hypertube";

    public static final String DOWNLOAD_COMPLETED = "download.completed";
    public static final String TITLE_WATCHED = "title.watched";
    public static final String SUBTITLES_FOUND = "subtitles.found";

    /** Events are JSON: dates as ISO-8601 strings, ids as strings. */
    public static final String CONTENT_TYPE = "application/json";

    private Events() {}
}
