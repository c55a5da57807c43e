package com.hypertube.streaming.subtitles;

import com.hypertube.streaming.subtitles.OpenSubtitlesClient.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of OpenSubtitles' files to offer: in each language asked for, those made for this very file first (their
 * moviehash matched), then those whose release name is most like the video's file name (the same cut, frame rate
 * and timing, likely), then the most downloaded.
 */
final class OpenSubtitlesRanking {

    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> EXTENSIONS =
            Set.of("srt", "sub", "vtt", "ass", "ssa", "mkv", "mp4", "avi", "m4v", "webm", "mov", "wmv", "ts");

    private OpenSubtitlesRanking() {}

    /** The best {@code perLanguage} files of each language, the languages in the order asked, each once. */
    static List<Candidate> best(List<Candidate> candidates, String videoName, List<String> languages, int perLanguage) {
        Set<String> video = words(videoName);
        Map<Long, Candidate> unique = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            unique.merge(candidate.fileId(), candidate, (a, b) -> a.hashMatch() || !b.hashMatch() ? a : b);
        }
        Comparator<Candidate> order = Comparator.comparing((Candidate candidate) -> !candidate.hashMatch())
                .thenComparing(candidate -> -similarity(video, candidate))
                .thenComparing(candidate -> -candidate.downloads())
                .thenComparingLong(Candidate::fileId);
        List<Candidate> best = new ArrayList<>();
        for (String language : languages) {
            unique.values().stream()
                    .filter(candidate -> candidate.language().equals(language))
                    .sorted(order)
                    .limit(perLanguage)
                    .forEach(best::add);
        }
        return best;
    }

    /** How alike the names are: the share of words they have in common (Jaccard), the better of release and file. */
    static double similarity(Set<String> video, Candidate candidate) {
        return Math.max(jaccard(video, words(candidate.release())), jaccard(video, words(candidate.fileName())));
    }

    static Set<String> words(String name) {
        Set<String> words = new HashSet<>();
        Matcher matcher = WORDS.matcher(name == null ? "" : name.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            if (!EXTENSIONS.contains(matcher.group())) {
                words.add(matcher.group());
            }
        }
        return words;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }
}
