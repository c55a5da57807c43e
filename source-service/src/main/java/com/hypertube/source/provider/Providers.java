package com.hypertube.source.provider;

import com.hypertube.source.SourceProperties;
import com.hypertube.source.provider.ProviderOutcome.Status;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Asks every enabled provider at once, each on a virtual thread, and answers with what came back within the
 * search's timeout ({@code hypertube.source.query-timeout}): a provider that is slow, down or broken costs its
 * own sources, never the others'. The outcome of each is returned too.
 */
@Component
public class Providers {

    /** What a search found, and how each provider did. */
    public record Found(List<FoundSource> sources, List<ProviderOutcome> outcomes) {}

    private record Answer(List<FoundSource> found, Duration took) {}

    private static final Logger log = LoggerFactory.getLogger(Providers.class);

    private final List<SourceProvider> providers;
    private final Duration timeout;
    // Lives as long as the service: closing one per search would wait for the slowest provider.
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("source-provider-", 0).factory());

    @Autowired
    Providers(List<SourceProvider> providers, SourceProperties properties) {
        this(providers, properties.queryTimeout());
    }

    Providers(List<SourceProvider> providers, Duration timeout) {
        this.providers = List.copyOf(providers);
        this.timeout = timeout;
    }

    public Found find(TitleQuery query) {
        return ask(provider -> provider.find(query));
    }

    /** Free words, asked of every enabled provider (those that cannot search by text answer empty). */
    public Found search(String words) {
        return ask(provider -> provider.search(words));
    }

    private Found ask(Function<SourceProvider, List<FoundSource>> search) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        List<SourceProvider> asked =
                providers.stream().filter(SourceProvider::enabled).toList();
        long start = System.nanoTime();
        List<Future<Answer>> answers = new ArrayList<>();
        for (SourceProvider provider : asked) {
            answers.add(threads.submit(() -> {
                if (context != null) {
                    MDC.setContextMap(context); // the request id, on the provider's log lines and calls
                }
                long began = System.nanoTime();
                List<FoundSource> found = List.copyOf(search.apply(provider));
                return new Answer(found, since(began));
            }));
        }
        long deadline = start + timeout.toNanos();
        List<FoundSource> sources = new ArrayList<>();
        List<ProviderOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            String name = asked.get(i).name();
            Future<Answer> answer = answers.get(i);
            try {
                Answer got = answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sources.addAll(got.found());
                outcomes.add(
                        new ProviderOutcome(name, Status.ANSWERED, got.found().size(), got.took()));
            } catch (TimeoutException e) {
                answer.cancel(true); // its calls are interrupted; their threads end
                log.warn("{} had not answered after {}: left out of this search", name, timeout);
                outcomes.add(new ProviderOutcome(name, Status.TIMED_OUT, 0, timeout));
            } catch (ExecutionException e) {
                log.warn("{} failed: left out of this search", name, e.getCause());
                outcomes.add(new ProviderOutcome(name, Status.FAILED, 0, since(start)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answers.forEach(pending -> pending.cancel(true));
                throw new IllegalStateException("The search was interrupted", e);
            }
        }
        return new Found(List.copyOf(sources), List.copyOf(outcomes));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
