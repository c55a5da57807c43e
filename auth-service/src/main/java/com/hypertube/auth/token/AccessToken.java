package com.hypertube.auth.token;

/** A signed access token and how many seconds it lives, as told to the client. */
public record AccessToken(String value, long expiresIn) {}
