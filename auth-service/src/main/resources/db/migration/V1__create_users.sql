-- Accounts. A user who only signs in through an OAuth provider has no password hash.
CREATE TABLE users (
    id                 UUID         PRIMARY KEY,
    username           VARCHAR(32)  NOT NULL,
    email              VARCHAR(254) NOT NULL,
    first_name         VARCHAR(64)  NOT NULL,
    last_name          VARCHAR(64)  NOT NULL,
    password_hash      VARCHAR(255),
    preferred_language VARCHAR(8)   NOT NULL DEFAULT 'en',
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Names and addresses are unique whatever their case: "Alice" and "alice" are one account.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
