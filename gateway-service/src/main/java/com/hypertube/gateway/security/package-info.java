/**
 * The gateway's guard: every route needs a valid access token except sign-up, sign-in, OAuth, the token
 * endpoint, the JWKS, health and the UI's files; the verified identity goes on to the services in headers
 * that callers cannot set themselves. Also CORS and the security headers.
 */
package com.hypertube.gateway.security;
