package com.hypertube.auth.account;

/** The rules every text field of an account follows, shared by the request records. */
public final class AccountFields {

    /** Letters, digits, dot, dash and underscore: safe in URLs and mentions. */
    public static final String USERNAME = "^[A-Za-z0-9_.-]{3,32}$";

    /** Any text but control characters (names are stored and shown verbatim, whatever they contain). */
    public static final String NAME = "^[^\\p{Cntrl}]{1,64}$";

    /** An ISO 639-1 code. */
    public static final String LANGUAGE = "^[a-z]{2}$";

    private AccountFields() {}
}
