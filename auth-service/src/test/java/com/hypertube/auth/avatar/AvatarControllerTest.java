package com.hypertube.auth.avatar;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.hypertube.auth.support.SliceCallers;
import com.hypertube.auth.token.AccessTokens;
import com.hypertube.web.ServiceWebAutoConfiguration;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The avatar endpoints' contract in a web slice: nobody may upload, remove or see one, an API client may only
 * look; what is not a picture, or not a multipart upload, is refused before the database is touched; a
 * picture is stored re-encoded; an avatar is served as a private, unsniffable PNG, and a missing one is a 404.
 */
@WebMvcTest(controllers = AvatarController.class)
@ImportAutoConfiguration(ServiceWebAutoConfiguration.class)
class AvatarControllerTest {

    private static final UUID ME = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccessTokens tokens;

    @MockitoBean(answers = Answers.RETURNS_DEEP_STUBS)
    JdbcClient jdbc;

    @BeforeEach
    void callers() {
        SliceCallers.recognise(tokens, ME);
    }

    @Test
    void nobodyMayUploadRemoveOrSeeAnAvatar() throws Exception {
        mvc.perform(upload(png())).andExpect(status().isUnauthorized());
        mvc.perform(delete("/api/users/me/avatar")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/users/" + ME + "/avatar"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:unauthorized"));
        verifyNoInteractions(jdbc);
    }

    @Test
    void anApiClientCannotUploadOrRemove() throws Exception {
        JdbcClient.StatementSpec statement = mock(JdbcClient.StatementSpec.class, Answers.RETURNS_SELF);
        when(jdbc.sql(anyString())).thenReturn(statement);

        mvc.perform(upload(png()).header("Authorization", SliceCallers.API_CLIENT))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:forbidden"));
        mvc.perform(delete("/api/users/me/avatar").header("Authorization", SliceCallers.API_CLIENT))
                .andExpect(status().isForbidden());
        verifyNoInteractions(statement); // (remove prepares its statement before asking who calls: it never runs)
    }

    @Test
    void whatIsNotAPictureOrNotAnUploadIsRefusedAndNothingIsStored() throws Exception {
        mvc.perform(upload("<svg onload=alert(1)>".getBytes()).header("Authorization", SliceCallers.USER))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:avatar-unsupported"));
        mvc.perform(put("/api/users/me/avatar")
                        .header("Authorization", SliceCallers.USER)
                        .contentType(MediaType.IMAGE_PNG)
                        .content(png()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:unsupported-media-type"));
        mvc.perform(multipart(HttpMethod.PUT, "/api/users/me/avatar")
                        .file(new MockMultipartFile("picture", "a.png", "image/png", png()))
                        .header("Authorization", SliceCallers.USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:bad-request"));
        verifyNoInteractions(jdbc);
    }

    @Test
    void aPictureIsStoredForTheCallerReencoded() throws Exception {
        JdbcClient.StatementSpec insert = mock(JdbcClient.StatementSpec.class, Answers.RETURNS_SELF);
        when(jdbc.sql(startsWith("INSERT INTO avatars"))).thenReturn(insert);

        mvc.perform(upload(png()).header("Authorization", SliceCallers.USER)).andExpect(status().isNoContent());
        verify(insert).params(eq(ME), any(byte[].class));
        verify(insert).update();
    }

    @Test
    void anAvatarIsAPrivateUnsniffablePngAndAMissingOneA404() throws Exception {
        UUID other = UUID.randomUUID();
        byte[] stored = png();
        when(jdbc.sql(anyString()).param(ME).query(byte[].class).optional()).thenReturn(Optional.of(stored));

        mvc.perform(get("/api/users/" + ME + "/avatar").header("Authorization", SliceCallers.API_CLIENT))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andExpect(content().bytes(stored))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", "max-age=300, private"));
        mvc.perform(get("/api/users/" + other + "/avatar").header("Authorization", SliceCallers.USER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:hypertube:problem:avatar-not-found"));
    }

    private static MockMultipartHttpServletRequestBuilder upload(byte[] file) {
        return multipart(HttpMethod.PUT, "/api/users/me/avatar")
                .file(new MockMultipartFile("file", "me.png", "image/png", file));
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
