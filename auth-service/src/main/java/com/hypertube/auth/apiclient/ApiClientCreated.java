package com.hypertube.auth.apiclient;

import java.util.Set;

/** The new client's credentials. The secret is shown this once: only its hash is kept. */
public record ApiClientCreated(String clientId, String clientSecret, String name, Set<String> scopes) {}
