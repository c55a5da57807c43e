package com.hypertube.auth.session;

import com.hypertube.auth.account.Profile;

/**
 * What a sign-in or refresh answers: the access token for the {@code Authorization: Bearer} header (a
 * program keeps it; the UI keeps it in memory), and who signed in. The refresh token is only in its cookie.
 */
public record Session(String accessToken, String tokenType, long expiresIn, Profile user) {}
