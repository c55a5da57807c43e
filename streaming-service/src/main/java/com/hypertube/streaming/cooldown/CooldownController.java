package com.hypertube.streaming.cooldown;

import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Admin endpoints: which torrents are on cooldown, and ending one early. */
@RestController
class CooldownController {

    private final Cooldowns cooldowns;

    CooldownController(Cooldowns cooldowns) {
        this.cooldowns = cooldowns;
    }

    @GetMapping("/api/torrents/cooldowns")
    List<Cooldown> list(Caller caller) {
        caller.requireAdmin();
        return cooldowns.activeAll();
    }

    @DeleteMapping("/api/torrents/cooldowns/{infoHash}")
    ResponseEntity<Void> clear(@PathVariable String infoHash, Caller caller) {
        caller.requireAdmin();
        if (!cooldowns.clear(infoHash.toLowerCase(Locale.ROOT))) {
            throw ProblemTypes.error(
                    HttpStatus.NOT_FOUND, "no-cooldown", "Torrent " + infoHash + " is not on cooldown.");
        }
        return ResponseEntity.noContent().build();
    }
}
