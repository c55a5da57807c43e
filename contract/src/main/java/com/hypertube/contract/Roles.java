package com.hypertube.contract;

/** What a user is besides a user (the {@code roles} claim). */
public final class Roles {

    /** The first account and the usernames in {@code HYPERTUBE_ADMINS}. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
