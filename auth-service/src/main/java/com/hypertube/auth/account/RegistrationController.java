package com.hypertube.auth.account;

import com.hypertube.auth.audit.RequestOrigin;
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

    RegistrationController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Creates an account; the client signs in next with the same username and password. */
    @PostMapping("/api/auth/register")
    ResponseEntity<Profile> register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http) {
        User user = accounts.register(request, RequestOrigin.of(http));
        return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(Profile.ownOf(user));
    }
}
