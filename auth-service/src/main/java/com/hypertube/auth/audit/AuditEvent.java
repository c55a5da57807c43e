package com.hypertube.auth.audit;

/** The security events kept in the audit log. */
public enum AuditEvent {
    SIGN_UP,
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_THROTTLED,
    SIGN_OUT,
    OAUTH_SIGN_IN,
    OAUTH_LINKED,
    PASSWORD_CHANGED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    REFRESH_TOKEN_REUSED,
    EMAIL_CHANGED,
    API_CLIENT_CREATED
}
