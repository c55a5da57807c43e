package com.hypertube.auth.account;

import com.hypertube.auth.audit.AuditEntry;
import com.hypertube.auth.audit.AuditLog;
import com.hypertube.auth.audit.RequestOrigin;
import com.hypertube.web.Caller;
import com.hypertube.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Profiles: one's own (read and change) and other users' public fields. Also at {@code /users}, the subject's
 * public API path, with the same rules.
 */
@RestController
@RequestMapping({"/api/users", "/users"})
class UserController {

    private final Accounts accounts;
    private final UserRepository users;
    private final AuditLog audit;

    UserController(Accounts accounts, UserRepository users, AuditLog audit) {
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping("/me")
    Profile me(Caller caller) {
        return Profile.ownOf(existing(caller.requireUser()));
    }

    @PatchMapping("/me")
    Profile update(Caller caller, @Valid @RequestBody ProfileUpdate change, HttpServletRequest http) {
        return Profile.ownOf(accounts.update(caller.requireUser(), change, RequestOrigin.of(http)));
    }

    /** Only one's own profile can be changed: another id is refused, whether it exists or not. */
    @PatchMapping("/{id}")
    Profile updateById(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody ProfileUpdate change, HttpServletRequest http) {
        if (!id.equals(caller.requireUser())) {
            throw ProblemTypes.error(HttpStatus.FORBIDDEN, "forbidden", "You can only change your own profile.");
        }
        return update(caller, change, http);
    }

    @GetMapping
    UserPage list(
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<Profile> items =
                users.page(page * size, size).stream().map(Profile::publicOf).toList();
        return new UserPage(items, page, size, users.count());
    }

    @GetMapping("/{id}")
    Profile one(Caller caller, @PathVariable UUID id) {
        User user = existing(id);
        return caller.userId().map(id::equals).orElse(false) ? Profile.ownOf(user) : Profile.publicOf(user);
    }

    /** The user's own security events: sign-ins, password changes… */
    @GetMapping("/me/audit")
    List<AuditEntry> audit(Caller caller) {
        return audit.recent(caller.requireUser(), 50);
    }

    private User existing(UUID id) {
        return users.find(id)
                .orElseThrow(() -> ProblemTypes.error(HttpStatus.NOT_FOUND, "user-not-found", "No user has this id."));
    }
}
