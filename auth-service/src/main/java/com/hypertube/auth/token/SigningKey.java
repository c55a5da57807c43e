package com.hypertube.auth.token;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** One RSA key pair and its id ({@code kid} in token headers and in the JWKS). */
public record SigningKey(String kid, RSAPrivateKey privateKey, RSAPublicKey publicKey) {}
