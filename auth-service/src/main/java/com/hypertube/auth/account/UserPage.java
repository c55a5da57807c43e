package com.hypertube.auth.account;

import java.util.List;

/** One page of users, with what a client needs to ask for the next. */
public record UserPage(List<Profile> items, int page, int size, long total) {}
