package com.hypertube.source.health;

import com.hypertube.torrent.metainfo.InfoHash;
import com.hypertube.torrent.tracker.ScrapeResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one round learns of each torrent's swarm from its trackers' answers. A torrent's count is the largest
 * any tracker gives: trackers each see part of a swarm, and the ranking wants to know whether anyone seeds.
 *
 * <p>0 seeders, 0 leechers and 0 completed is no measure: it is what UDP (BEP 15 has no "unknown torrent"
 * answer) and many HTTP trackers send for an info hash they do not know, so read as counts it would sink a
 * live torrent as a dead swarm. Such an answer says the torrent is unknown to that tracker; the torrent counts
 * as measured only when another tracker gives real counts, else its health stays what it was (unknown for a
 * source never measured). A swarm that has emptied still reads as dead: its tracker remembers completions.
 *
 * <p>Trackers answer on threads of their own: {@link #add} may be called concurrently.
 */
final class SwarmCounts {

    private final Map<InfoHash, ScrapeResponse> best = new ConcurrentHashMap<>();
    private final Set<InfoHash> unknownToSome = ConcurrentHashMap.newKeySet();

    /** One tracker's answer. */
    void add(Map<InfoHash, ScrapeResponse> answer) {
        answer.forEach((hash, swarm) -> {
            ScrapeResponse sane = sane(swarm);
            if (sane.seeders() == 0 && sane.leechers() == 0 && sane.completed() == 0) {
                unknownToSome.add(hash);
            } else {
                best.merge(hash, sane, SwarmCounts::larger);
            }
        });
    }

    /** The torrents some tracker gave real counts for, with the largest. */
    Map<InfoHash, ScrapeResponse> measured() {
        return Map.copyOf(best);
    }

    /** How many torrents were answered for only as unknown: no health learned. */
    int unknown() {
        return (int)
                unknownToSome.stream().filter(hash -> !best.containsKey(hash)).count();
    }

    // A hostile tracker may send negative counts; the table refuses them.
    private static ScrapeResponse sane(ScrapeResponse swarm) {
        return new ScrapeResponse(
                Math.max(0, swarm.seeders()), Math.max(0, swarm.completed()), Math.max(0, swarm.leechers()));
    }

    private static ScrapeResponse larger(ScrapeResponse one, ScrapeResponse other) {
        return other.seeders() > one.seeders()
                        || (other.seeders() == one.seeders() && other.leechers() > one.leechers())
                ? other
                : one;
    }
}
