-- Keys that sign access tokens. The newest unretired one signs; every unretired one still verifies, so a
-- rotation never signs anyone out. Generated here only when no key is configured (never committed).
CREATE TABLE signing_keys (
    kid         VARCHAR(64) PRIMARY KEY,
    private_key BYTEA       NOT NULL, -- PKCS#8
    public_key  BYTEA       NOT NULL, -- X.509 SubjectPublicKeyInfo
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    retired_at  TIMESTAMPTZ
);

-- Refresh tokens are opaque random strings; only their SHA-256 is kept. Each use replaces the token by a
-- new one of the same family; presenting a replaced one again revokes the family.
CREATE TABLE refresh_tokens (
    token_hash  CHAR(64)    PRIMARY KEY,
    family_id   UUID        NOT NULL,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ NOT NULL,
    replaced_at TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

-- Password reset links: single use, short-lived, stored hashed.
CREATE TABLE password_resets (
    token_hash CHAR(64)    PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- Accounts at OAuth providers linked to ours: (provider, the provider's stable user id) is the key, never
-- an email address.
CREATE TABLE oauth_identities (
    provider   VARCHAR(32)  NOT NULL,
    subject    VARCHAR(128) NOT NULL,
    user_id    UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, subject)
);

-- Programs that use the public API with the client_credentials grant. The secret is 32 random bytes, so a
-- SHA-256 of it is as good as a slow hash.
CREATE TABLE api_clients (
    client_id   VARCHAR(64)  PRIMARY KEY,
    secret_hash CHAR(64)     NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    owner_id    UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    scopes      VARCHAR(128) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Avatars are re-encoded to PNG before they are stored: what is served was made by us.
CREATE TABLE avatars (
    user_id    UUID        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    image      BYTEA       NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Security events: sign-ins (both outcomes), password changes and resets, refresh-token reuse.
CREATE TABLE audit_log (
    id         BIGSERIAL    PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    event      VARCHAR(40)  NOT NULL,
    user_id    UUID,
    subject    VARCHAR(254), -- the username or email as given, for failures with no user
    ip         VARCHAR(64),
    user_agent VARCHAR(256),
    detail     VARCHAR(256)
);
CREATE INDEX audit_log_user ON audit_log (user_id, at);
