package com.hypertube.streaming.subtitles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subtitle files as they are found in torrents, in, and WebVTT a strict parser accepts, out. */
class SubtitleConversionTest {

    private static final String FRENCH =
            "1\n00:00:01,000 --> 00:00:02,500\nÇa a été déjà vu, señor « très » bien… — 5 €\n\n"
                    + "2\n00:00:03,000 --> 00:00:04,000\nÀ bientôt, cœur\n";

    @Test
    void windows1252IsDetectedNotGuessed() {
        String decoded = SubtitleText.decode(FRENCH.getBytes(Charset.forName("windows-1252")));

        assertThat(decoded).contains("Ça a été déjà vu", "« très »", "5 €", "cœur");
    }

    @Test
    void iso88591IsReadToo() {
        String latin1 = "1\n00:00:01,000 --> 00:00:02,000\nÜber die Brücke gehen wir später, Fräulein Müller\n";

        assertThat(SubtitleText.decode(latin1.getBytes(StandardCharsets.ISO_8859_1)))
                .contains("Über die Brücke", "Fräulein Müller");
    }

    @Test
    void utf16WithItsByteOrderMarkAndUtf8WithCrlf() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = FRENCH.getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16 = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, utf16, 0, 2);
        System.arraycopy(body, 0, utf16, 2, body.length);

        assertThat(SubtitleText.decode(utf16)).isEqualTo(FRENCH);
        assertThat(SubtitleText.decode(FRENCH.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(FRENCH);
        byte[] utf8Bom = ("\uFEFF" + FRENCH).getBytes(StandardCharsets.UTF_8);
        assertThat(SubtitleText.decode(utf8Bom)).isEqualTo(FRENCH);
    }

    @Test
    void brokenCuesAreDroppedAndCountedTheRestKeptWithExactTimes() {
        String srt = "1\n00:00:01,000 --> 00:00:02,500\nFirst\n\n"
                + "2\nthis is not a timing\nLost\n\n"
                + "3\n00:00:05,000 --> 00:00:04,000\nBackwards\n\n"
                + "4\n00:00:06,000 --> 00:00:07,000\n\n\n"
                + "5\n01:02:03,4 --> 01:02:05,067\n{\\an8}<i>Second</i> line one\n<font color=\"red\">line {\\c&H00FFFF&}two</font> & <script>x</script> --> y\n";

        SrtCues.Parsed parsed = SrtCues.parse(srt);

        assertThat(parsed.dropped()).isEqualTo(3);
        String vtt = WebVtt.write(parsed.cues());
        List<Cue> cues = WebVttParser.parse(vtt);
        assertThat(cues).hasSize(2);
        assertThat(cues.get(0)).isEqualTo(new Cue(1000, 2500, "First"));
        assertThat(cues.get(1).startMillis()).isEqualTo(3_723_400);
        assertThat(cues.get(1).endMillis()).isEqualTo(3_725_067);
        assertThat(cues.get(1).text())
                .isEqualTo("<i>Second</i> line one\nline two &amp; &lt;script&gt;x&lt;/script&gt; -&gt; y");
    }

    @Test
    void languagesFromContainersAndFileNames() {
        assertThat(Languages.of("fre")).hasValue("fr");
        assertThat(Languages.of("fra")).hasValue("fr");
        assertThat(Languages.of("eng")).hasValue("en");
        assertThat(Languages.of("und")).isEmpty();
        assertThat(Languages.fromFileName("Film.2019.1080p.fr.srt")).hasValue("fr");
        assertThat(Languages.fromFileName("Subs/2_English.srt")).hasValue("en");
        assertThat(Languages.fromFileName("War.Games.1983.srt"))
                .as("a title's word is not a code")
                .isEmpty();
        assertThat(Languages.fromFileName("Film.ita.ass")).hasValue("it");
    }
}
