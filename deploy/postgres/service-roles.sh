#!/usr/bin/env bash
# Gives each service a database role of its own that owns its schema and nothing else, so that a compromised
# service (streaming-service parses data from strangers' peers) cannot read another's tables — the auth
# service's signing keys above all. Postgres runs it once, when it creates its data folder (compose mounts it
# in /docker-entrypoint-initdb.d); running it again is harmless (it also sets the passwords again).
#
# Needs: psql reaching the database as its owner (POSTGRES_USER, POSTGRES_DB, and PGHOST/PGPORT if not the
# local socket), and one password per service: AUTH_DB_PASSWORD, MEDIA_DB_PASSWORD, SOURCE_DB_PASSWORD,
# STREAMING_DB_PASSWORD.
set -euo pipefail

: "${POSTGRES_USER:?}" "${POSTGRES_DB:?}"

role_sql() { # role schema password
    cat <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$1') THEN
        CREATE ROLE $1 LOGIN;
    END IF;
END
\$\$;
ALTER ROLE $1 WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password_$1';
CREATE SCHEMA IF NOT EXISTS $2 AUTHORIZATION $1;
ALTER SCHEMA $2 OWNER TO $1;
GRANT CONNECT ON DATABASE :"dbname" TO $1;
ALTER ROLE $1 IN DATABASE :"dbname" SET search_path = $2;
SQL
}

{
    # Nobody creates anything in the public schema; no role may connect unless granted.
    echo 'REVOKE CREATE ON SCHEMA public FROM PUBLIC;'
    echo 'REVOKE ALL ON DATABASE :"dbname" FROM PUBLIC;'
    role_sql auth_service auth
    role_sql media_service media
    role_sql source_service source
    role_sql streaming_service streaming
    # The catalog's forgiving search (trigram matching) needs pg_trgm; creating an extension takes the owner.
    echo 'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA media;'
} | psql -v ON_ERROR_STOP=1 -q --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v dbname="$POSTGRES_DB" \
    -v password_auth_service="${AUTH_DB_PASSWORD:?set AUTH_DB_PASSWORD}" \
    -v password_media_service="${MEDIA_DB_PASSWORD:?set MEDIA_DB_PASSWORD}" \
    -v password_source_service="${SOURCE_DB_PASSWORD:?set SOURCE_DB_PASSWORD}" \
    -v password_streaming_service="${STREAMING_DB_PASSWORD:?set STREAMING_DB_PASSWORD}"
