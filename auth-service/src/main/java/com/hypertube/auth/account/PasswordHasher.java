package com.hypertube.auth.account;

import com.hypertube.auth.AuthProperties;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * bcrypt, not argon2: it needs no native or extra crypto library, its one cost knob is easy to tune for a
 * small self-hosted box, and its 72-byte input limit is enforced by {@link PasswordPolicy}. Argon2's memory
 * hardness matters most against GPU farms cracking a stolen database of many users; bcrypt at cost 12 still
 * makes that slow, at a quarter of a second per sign-in on two cores.
 */
@Component
public class PasswordHasher {

    private final BCryptPasswordEncoder encoder;
    // Compared against when no account matches, so "no such user" takes as long as "wrong password".
    private final String decoy;

    PasswordHasher(AuthProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.passwords().bcryptCost());
        this.decoy = encoder.encode("not-a-password-of-anyone");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            encoder.matches(password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }
}
