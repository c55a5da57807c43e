package com.hypertube.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.web.ServiceWebAutoConfiguration;
import com.jayway.jsonpath.JsonPath;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The JWKS in a web slice: anyone gets every signing key's public half, and nothing of the private one, as a
 * JWK Set that verifiers may cache for five minutes.
 */
@WebMvcTest(controllers = JwksController.class)
@ImportAutoConfiguration(ServiceWebAutoConfiguration.class)
class JwksControllerTest {

    private static final SigningKey CURRENT = SigningKeys.generate();
    private static final SigningKey RETIRING = SigningKeys.generate();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccessTokens tokens;

    @MockitoBean
    SigningKeys keys;

    @Test
    void anyoneGetsEveryKeysPublicHalfAndNothingPrivate() throws Exception {
        when(keys.all()).thenReturn(List.of(CURRENT, RETIRING));

        mvc.perform(get("/.well-known/jwks.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/jwk-set+json"))
                .andExpect(header().string("Cache-Control", "max-age=300, public"))
                .andExpect(jsonPath("$.keys.length()").value(2))
                .andExpect(jsonPath("$.keys[0].kid").value(CURRENT.kid()))
                .andExpect(jsonPath("$.keys[1].kid").value(RETIRING.kid()))
                .andExpect(jsonPath("$.keys[0].kty").value("RSA"))
                .andExpect(jsonPath("$.keys[0].alg").value("RS256"))
                .andExpect(jsonPath("$.keys[0].use").value("sig"))
                .andExpect(jsonPath("$.keys[0].e").value("AQAB"))
                .andExpect(jsonPath("$.keys[0].n").isString())
                .andExpect(jsonPath("$.keys[0].d").doesNotExist())
                .andExpect(jsonPath("$.keys[0].p").doesNotExist());
    }

    @Test
    void theModulusIsUnsignedBase64UrlWithoutPadding() throws Exception {
        when(keys.all()).thenReturn(List.of(CURRENT));

        String body = mvc.perform(get("/.well-known/jwks.json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String n = JsonPath.read(body, "$.keys[0].n");
        byte[] modulus = Base64.getUrlDecoder().decode(n);

        assertThat(n).doesNotContain("=", "+", "/");
        assertThat(modulus[0]).as("no leading zero byte").isNotZero();
        assertThat(new BigInteger(1, modulus)).isEqualTo(CURRENT.publicKey().getModulus());
    }
}
