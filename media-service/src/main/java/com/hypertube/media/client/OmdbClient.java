package com.hypertube.media.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.hypertube.media.MediaProperties;
import com.hypertube.web.client.OutboundHttp;
import com.hypertube.web.client.ProviderCalls;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * OMDb, read for one thing: a title's IMDb rating and vote count, by IMDb id. Its free tier allows 1,000 calls a
 * day, so it is only called by the slow ratings refresh, never while a user waits.
 */
@Component
public class OmdbClient {

    /** An IMDb rating out of 10 and how many votes it rests on. */
    public record ImdbRating(double rating, Integer votes) {}

    record Answer(
            @JsonProperty("Response") String response,
            @JsonProperty("Error") String error,
            @JsonProperty("imdbRating") String imdbRating,
            @JsonProperty("imdbVotes") String imdbVotes) {}

    private final MediaProperties.Omdb settings;
    private final ProviderCalls calls;

    OmdbClient(MediaProperties properties, InstantSource clock) {
        this.settings = properties.omdb();
        this.calls = new ProviderCalls(
                "OMDb", OutboundHttp.client(settings.apiUrl(), settings.timeout(), settings.timeout()), clock);
    }

    public boolean configured() {
        return settings.configured();
    }

    /** The rating, or empty when OMDb has none for this id ("N/A", or an id it does not know). */
    public Optional<ImdbRating> rating(String imdbId) {
        if (!imdbId.matches("tt\\d{1,12}")) {
            return Optional.empty();
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("i", imdbId);
        query.put("apikey", settings.apiKey());
        Optional<Answer> answer = calls.get("/", query, null).map(body -> calls.parse(body, Answer.class));
        if (answer.isEmpty() || !"True".equalsIgnoreCase(answer.get().response())) {
            // {"Response":"False","Error":"Incorrect IMDb ID."}; a bad key or the daily limit come as 401 and throw.
            return Optional.empty();
        }
        try {
            double rating = Double.parseDouble(answer.get().imdbRating());
            if (rating < 0 || rating > 10) {
                return Optional.empty();
            }
            Integer votes = null;
            String rawVotes = answer.get().imdbVotes();
            if (rawVotes != null && rawVotes.replace(",", "").matches("\\d{1,10}")) {
                votes = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(rawVotes.replace(",", "")));
            }
            return Optional.of(new ImdbRating(rating, votes));
        } catch (NumberFormatException | NullPointerException notRated) {
            return Optional.empty();
        }
    }
}
