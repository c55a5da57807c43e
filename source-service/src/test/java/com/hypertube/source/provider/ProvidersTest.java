package com.hypertube.source.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.source.provider.ProviderOutcome.Status;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every provider asked at once; the slow and the broken cost only their own sources. */
class ProvidersTest {

    private static final TitleQuery MATRIX = TitleQuery.film("tt0133093", "The Matrix", 1999);
    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private static final FoundSource ANSWER = FoundSource.from("Answering")
            .hash("02ddd88db6a5d1bcef1c7b2bba20550bff854a45")
            .name("The.Matrix.1999.1080p.BluRay.x264-GROUP")
            .build()
            .orElseThrow();

    private record Fake(String name, boolean enabled, Function<TitleQuery, List<FoundSource>> answer)
            implements SourceProvider {

        @Override
        public List<FoundSource> find(TitleQuery query) {
            return answer.apply(query);
        }
    }

    @Test
    void answersWithWhatCameBackInTimeAndHowEachProviderDid() {
        CountDownLatch slowInterrupted = new CountDownLatch(1);
        AtomicBoolean disabledAsked = new AtomicBoolean();
        Providers providers = new Providers(
                List.of(
                        new Fake("Slow", true, query -> {
                            try {
                                Thread.sleep(10_000);
                            } catch (InterruptedException e) {
                                slowInterrupted.countDown();
                            }
                            return List.of(ANSWER);
                        }),
                        new Fake("Throwing", true, query -> {
                            throw new IllegalStateException("a bug in a provider");
                        }),
                        new Fake("Answering", true, query -> List.of(ANSWER)),
                        new Fake("Disabled", false, query -> {
                            disabledAsked.set(true);
                            return List.of(ANSWER);
                        })),
                TIMEOUT);

        long start = System.nanoTime();
        Providers.Found found = providers.find(MATRIX);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(found.sources()).containsExactly(ANSWER);
        assertThat(found.outcomes())
                .extracting(ProviderOutcome::provider, ProviderOutcome::status, ProviderOutcome::found)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Slow", Status.TIMED_OUT, 0),
                        org.assertj.core.groups.Tuple.tuple("Throwing", Status.FAILED, 0),
                        org.assertj.core.groups.Tuple.tuple("Answering", Status.ANSWERED, 1));
        assertThat(found.outcomes().getFirst().took()).isEqualTo(TIMEOUT);
        assertThat(took).isBetween(TIMEOUT, TIMEOUT.plusSeconds(1));
        assertThat(disabledAsked).isFalse();
        assertThat(awaited(slowInterrupted))
                .as("the slow provider's thread is interrupted")
                .isTrue();
    }

    @Test
    void providersAreAskedAtOnceNotInTurn() {
        Function<TitleQuery, List<FoundSource>> takesAWhile = query -> {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(ANSWER);
        };
        Providers providers = new Providers(
                List.of(
                        new Fake("A", true, takesAWhile),
                        new Fake("B", true, takesAWhile),
                        new Fake("C", true, takesAWhile)),
                TIMEOUT);

        Providers.Found found = providers.find(MATRIX);

        // In turn, the three would need 750 ms, past the 400 ms timeout.
        assertThat(found.sources()).hasSize(3);
        assertThat(found.outcomes()).allSatisfy(outcome -> {
            assertThat(outcome.status()).isEqualTo(Status.ANSWERED);
            assertThat(outcome.took()).isLessThan(TIMEOUT);
        });
    }

    @Test
    void noProviderIsNoSourceAndNoOutcome() {
        Providers.Found found = new Providers(List.of(), TIMEOUT).find(MATRIX);

        assertThat(found.sources()).isEmpty();
        assertThat(found.outcomes()).isEmpty();
    }

    private static boolean awaited(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
