package com.hypertube.auth.oauth;

import com.hypertube.auth.account.AccountFields;
import com.hypertube.auth.account.Accounts;
import com.hypertube.auth.account.User;
import com.hypertube.auth.account.UserRepository;
import com.hypertube.auth.audit.AuditEvent;
import com.hypertube.auth.audit.AuditLog;
import com.hypertube.auth.audit.RequestOrigin;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a provider's user becomes here. A linked provider account signs in to its user. An unlinked one
 * gets a new account — never an existing one found by email: an address at a provider proves nothing
 * about who owns our account with that address. Linking to an existing account is done by its owner,
 * signed in, from their profile.
 */
@Service
class OAuthLogins {

    /** The outcome of a provider's callback. */
    sealed interface Outcome {
        record SignedIn(User user) implements Outcome {}

        record Linked(User user) implements Outcome {}

        /** Something is missing or taken: the user completes the sign-up with a ticket. */
        record NeedsDetails(ProviderUser providerUser) implements Outcome {}

        /** The provider account is already linked to another user. */
        record AlreadyLinked() implements Outcome {}
    }

    private final OAuthIdentities identities;
    private final UserRepository users;
    private final Accounts accounts;
    private final AuditLog audit;

    OAuthLogins(OAuthIdentities identities, UserRepository users, Accounts accounts, AuditLog audit) {
        this.identities = identities;
        this.users = users;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    Outcome arrive(ProviderUser providerUser, UUID linkTo, RequestOrigin origin) {
        Optional<User> linked = identities
                .userOf(providerUser.provider(), providerUser.subject())
                .flatMap(users::find);
        if (linkTo != null) {
            if (linked.isPresent() && !linked.get().id().equals(linkTo)) {
                return new Outcome.AlreadyLinked();
            }
            identities.link(providerUser.provider(), providerUser.subject(), linkTo);
            audit.record(AuditEvent.OAUTH_LINKED, linkTo, null, origin, providerUser.provider());
            return new Outcome.Linked(users.find(linkTo).orElseThrow());
        }
        if (linked.isPresent()) {
            audit.record(
                    AuditEvent.OAUTH_SIGN_IN,
                    linked.get().id(),
                    linked.get().username(),
                    origin,
                    providerUser.provider());
            return new Outcome.SignedIn(linked.get());
        }
        if (!complete(providerUser)) {
            return new Outcome.NeedsDetails(providerUser);
        }
        User user = accounts.registerWithoutPassword(
                providerUser.login(), providerUser.email(), providerUser.firstName(), providerUser.lastName(), origin);
        identities.link(providerUser.provider(), providerUser.subject(), user.id());
        audit.record(AuditEvent.OAUTH_SIGN_IN, user.id(), user.username(), origin, providerUser.provider());
        return new Outcome.SignedIn(user);
    }

    /** Creates the account from the provider's user and what the person filled in. */
    @Transactional
    Outcome finish(ProviderUser providerUser, CompleteSignUp details, RequestOrigin origin) {
        if (identities.userOf(providerUser.provider(), providerUser.subject()).isPresent()) {
            return new Outcome.AlreadyLinked();
        }
        User user = accounts.registerWithoutPassword(
                details.username(), details.email(), details.firstName(), details.lastName(), origin);
        identities.link(providerUser.provider(), providerUser.subject(), user.id());
        audit.record(AuditEvent.OAUTH_SIGN_IN, user.id(), user.username(), origin, providerUser.provider());
        return new Outcome.SignedIn(user);
    }

    // Everything an account needs, valid and free.
    private boolean complete(ProviderUser user) {
        return user.login() != null
                && user.login().matches(AccountFields.USERNAME)
                && !users.usernameTaken(user.login())
                && user.email() != null
                && user.email().length() <= 254
                && !users.emailTaken(user.email())
                && user.firstName() != null
                && user.firstName().matches(AccountFields.NAME)
                && user.lastName() != null
                && user.lastName().matches(AccountFields.NAME);
    }
}
