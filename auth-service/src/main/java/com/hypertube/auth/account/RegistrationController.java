package com.hypertube.auth.account;

import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.auth.session.Throttle;
import com.hypertube.auth.session.Throttles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistrationController {

    private final Accounts accounts;
    private final Throttle registrationThrottle;

    RegistrationController(Accounts accounts, Throttle registrationThrottle) {
        this.accounts = accounts;
        this.registrationThrottle = registrationThrottle;
    }

    /**
     * Creates an account; the client signs in next with the same username and password. Each sign-up from an
     * address counts against that address's throttle (a bcrypt hash each: a flood of them is a denial of
     * service).
     */
    @PostMapping("/api/auth/register")
    ResponseEntity<Profile> register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        RequestOrigin origin = RequestOrigin.of(http);
        String addressKey = "register:ip:" + origin.ip();
        Throttles.refuseIfLocked(registrationThrottle, addressKey, "sign-ups from your address");
        registrationThrottle.failed(addressKey);
        User user = accounts.register(request, origin);
        return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(Profile.ownOf(user));
    }
}
