package com.hypertube.auth.oauth;

/**
 * A user as an OAuth provider describes them. {@code email} is only set when the provider vouches for it
 * (verified); anything may be null except the id.
 */
record ProviderUser(String provider, String subject, String login, String email, String firstName, String lastName) {}
