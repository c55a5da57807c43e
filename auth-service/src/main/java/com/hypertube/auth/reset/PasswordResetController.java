package com.hypertube.auth.reset;

import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.auth.session.Throttle;
import com.hypertube.auth.session.Throttles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth/password-reset")
class PasswordResetController {

    static final String ANSWER = "If an account has this address, a reset link is on its way.";

    private final PasswordResets resets;
    private final Throttle accountThrottle;
    private final Throttle addressThrottle;

    PasswordResetController(PasswordResets resets, Throttle accountThrottle, Throttle addressThrottle) {
        this.resets = resets;
        this.accountThrottle = accountThrottle;
        this.addressThrottle = addressThrottle;
    }

    /** Always 202 with the same words: the answer never tells whether the address has an account. */
    @PostMapping
    ResponseEntity<Map<String, String>> request(@Valid @RequestBody ResetRequest request, HttpServletRequest http) {
        RequestOrigin origin = RequestOrigin.of(http);
        String addressKey = "reset:ip:" + origin.ip();
        String emailKey = "reset:email:" + request.email().toLowerCase(Locale.ROOT);
        Throttles.refuseIfLocked(accountThrottle, emailKey, "password reset requests");
        Throttles.refuseIfLocked(addressThrottle, addressKey, "password reset requests");
        // Every request counts: mails are what is being limited, not failures.
        accountThrottle.failed(emailKey);
        addressThrottle.failed(addressKey);
        resets.request(request.email(), origin);
        return ResponseEntity.accepted().body(Map.of("message", ANSWER));
    }

    @PostMapping("/confirm")
    ResponseEntity<Void> confirm(@Valid @RequestBody ResetConfirmation confirmation, HttpServletRequest http) {
        RequestOrigin origin = RequestOrigin.of(http);
        String addressKey = "reset-confirm:ip:" + origin.ip();
        Throttles.refuseIfLocked(addressThrottle, addressKey, "reset attempts");
        try {
            resets.confirm(confirmation, origin);
        } catch (RuntimeException e) {
            addressThrottle.failed(addressKey);
            throw e;
        }
        return ResponseEntity.noContent().build();
    }
}
