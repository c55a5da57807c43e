package com.hypertube.source.provider;

import java.util.List;

/**
 * One place torrents come from. {@link #find} answers with what the provider has for the title; a provider
 * that cannot be reached answers empty and logs why (one provider down must never fail a search).
 * {@link Providers} still guards against a provider that throws or hangs.
 */
public interface SourceProvider {

    /** A short stable name, shown to users beside each source ("YTS", "EZTV", an indexer's name). */
    String name();

    /** Whether it is configured; a disabled provider is not asked. */
    boolean enabled();

    List<FoundSource> find(TitleQuery query);

    /**
     * Sources whose names match free words (the search box), from a provider that can search by text; the
     * others answer empty, which is why this has a default.
     */
    default List<FoundSource> search(String words) {
        return List.of();
    }
}
