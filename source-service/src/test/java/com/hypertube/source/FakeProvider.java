package com.hypertube.source;

import com.hypertube.source.provider.FoundSource;
import com.hypertube.source.provider.SourceProvider;
import com.hypertube.source.provider.TitleQuery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider a test fills by hand: what it answers for each IMDb id and for free words, and how often it was
 * asked. One that {@link #broken() breaks} throws on every call, as a provider with a bug would.
 */
public final class FakeProvider implements SourceProvider {

    private final String name;
    private final boolean broken;
    private final Map<String, List<FoundSource>> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    private FakeProvider(String name, boolean broken) {
        this.name = name;
        this.broken = broken;
    }

    public static FakeProvider answering(String name) {
        return new FakeProvider(name, false);
    }

    public static FakeProvider broken(String name) {
        return new FakeProvider(name, true);
    }

    /** What it finds for an IMDb id, or for words when the key is {@code words:<the words>}. */
    public void offer(String key, List<FoundSource> sources) {
        byKey.put(key, List.copyOf(sources));
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public List<FoundSource> find(TitleQuery query) {
        return answer(query.imdbId());
    }

    @Override
    public List<FoundSource> search(String words) {
        return answer("words:" + words);
    }

    private List<FoundSource> answer(String key) {
        calls.incrementAndGet();
        if (broken) {
            throw new IllegalStateException("a provider with a bug");
        }
        return byKey.getOrDefault(key, List.of());
    }
}
