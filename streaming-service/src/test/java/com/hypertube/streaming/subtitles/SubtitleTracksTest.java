package com.hypertube.streaming.subtitles;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.streaming.playback.MediaProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which tracks a viewer is offered, and in which order. */
class SubtitleTracksTest {

    @Test
    void imageTracksAreListedAsSuchNotOfferedAsTextAndTheViewersLanguagesComeFirst() {
        MediaProbe probe = new MediaProbe(
                "matroska",
                60,
                0,
                List.of(new MediaProbe.Video(0, "h264", "High", 40, 1280, 720, 8, "yuv420p")),
                List.of(),
                List.of(
                        new MediaProbe.Subtitle(2, "hdmv_pgs_subtitle", "eng", "", false, false),
                        new MediaProbe.Subtitle(3, "subrip", "ger", "SDH", false, false),
                        new MediaProbe.Subtitle(4, "ass", "fre", "", true, false),
                        new MediaProbe.Subtitle(5, "subrip", "eng", "", false, true),
                        new MediaProbe.Subtitle(6, "dvd_subtitle", "und", "", false, false)));

        List<SubtitleTrack> tracks =
                SubtitleTracks.of(probe, List.of(), 0, List.of("en", "fr"), SubtitleTracks.VideoHere.ALL);

        assertThat(tracks)
                .extracting(SubtitleTrack::id)
                .containsExactly("embedded-5", "embedded-2", "embedded-4", "embedded-3", "embedded-6");
        assertThat(tracks.get(1).text()).isFalse();
        assertThat(tracks.get(1).label()).isEqualTo("English (image, not shown)");
        assertThat(tracks.get(2).forced()).isTrue();
        assertThat(tracks.get(3).label()).isEqualTo("German – SDH");
        assertThat(tracks.get(4).language()).isEmpty();
        assertThat(tracks.get(4).text()).isFalse();
        assertThat(tracks).filteredOn(SubtitleTrack::text).allMatch(SubtitleTrack::ready);
        assertThat(tracks).filteredOn(track -> !track.text()).noneMatch(SubtitleTrack::ready);
    }

    @Test
    void aVideosOwnTracksAreListedFromItsHeadReadyOnceSomeIsHereAndCompleteOnceItIsAll() {
        MediaProbe probe = new MediaProbe(
                "matroska",
                60,
                0,
                List.of(),
                List.of(),
                List.of(new MediaProbe.Subtitle(2, "subrip", "eng", "", false, true)));

        SubtitleTrack nothing = only(probe, SubtitleTracks.VideoHere.NOTHING);
        SubtitleTrack head = only(probe, SubtitleTracks.VideoHere.HEAD);
        SubtitleTrack all = only(probe, SubtitleTracks.VideoHere.ALL);

        assertThat(nothing.id()).isEqualTo("embedded-2");
        assertThat(List.of(nothing.ready(), nothing.complete())).containsExactly(false, false);
        assertThat(List.of(head.ready(), head.complete())).containsExactly(true, false);
        assertThat(List.of(all.ready(), all.complete())).containsExactly(true, true);
    }

    private static SubtitleTrack only(MediaProbe probe, SubtitleTracks.VideoHere video) {
        List<SubtitleTrack> tracks = SubtitleTracks.of(probe, List.of(), 0, List.of("en"), video);
        assertThat(tracks).hasSize(1);
        return tracks.getFirst();
    }
}
