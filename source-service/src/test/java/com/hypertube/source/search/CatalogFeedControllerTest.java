package com.hypertube.source.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hypertube.source.provider.YtsMovie;
import com.hypertube.web.Caller;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class CatalogFeedControllerTest {

    private static final Caller SERVICE =
            new Caller(Optional.empty(), "media-service", "media-service", Set.of("service"), Set.of());
    private static final YtsMovie MATRIX = new YtsMovie(
            "tt0133093", "The Matrix", 1999, 8.7, List.of("Action"), "A hacker.", URI.create("https://c/m.jpg"), 136);

    private final List<Integer> asked = new ArrayList<>();

    @Test
    void aPageIsAskedOfYtsOnceAnHourButAnEmptyOneIsAskedAgain() {
        CatalogFeedController feed = new CatalogFeedController(page -> {
            asked.add(page);
            return page == 1 ? List.of(MATRIX) : List.of();
        });

        assertThat(feed.movies(SERVICE, 1)).containsExactly(MATRIX);
        assertThat(feed.movies(SERVICE, 1)).containsExactly(MATRIX);
        assertThat(feed.movies(SERVICE, 2)).isEmpty();
        assertThat(feed.movies(SERVICE, 2)).isEmpty();

        assertThat(asked).containsExactly(1, 2, 2);
    }

    @Test
    void aPageOutsideYtssRangeIsA400() {
        CatalogFeedController feed = new CatalogFeedController(page -> List.of());

        assertThatThrownBy(() -> feed.movies(SERVICE, 0))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
        assertThatThrownBy(() -> feed.movies(SERVICE, 501)).isInstanceOf(ErrorResponseException.class);
        assertThat(asked).isEmpty();
    }
}
