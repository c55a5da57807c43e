package com.hypertube.auth.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import com.hypertube.auth.support.AuthApi;
import com.hypertube.auth.support.AuthApi.Answer;
import com.hypertube.auth.support.AuthIntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AvatarIT extends AuthIntegrationTest {

    @Test
    void anUploadedPictureIsReencodedAsASmallPng() throws Exception {
        AuthApi api = api();
        Answer session = api.login(api.register("painter"));
        String token = session.text("accessToken");
        String id = session.json().get("user").get("id").asString();
        // No picture yet: the profile names none, rather than an address that would answer 404.
        assertThat(session.json().get("user").get("avatarUrl").isNull()).isTrue();
        BufferedImage big = new BufferedImage(1024, 512, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(big, "jpg", jpeg);

        assertThat(upload(token, "me.png", "image/png", jpeg.toByteArray()).statusCode())
                .isEqualTo(204);

        HttpResponse<byte[]> served = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users/" + id + "/avatar"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(stored.getWidth()).isEqualTo(256);
        assertThat(stored.getHeight()).isEqualTo(128);
        assertThat(api.get("/api/users/" + id, token).text("avatarUrl")).isEqualTo("/api/users/" + id + "/avatar");

        assertThat(api.send("DELETE", "/api/users/me/avatar", null, AuthApi.bearer(token))
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/users/me", token).json().get("avatarUrl").isNull())
                .isTrue();
    }

    @Test
    void somethingThatIsNotAPictureIsRefusedWhateverItsName() throws Exception {
        AuthApi api = api();
        String token = api.login(api.register("faker")).text("accessToken");

        HttpResponse<String> html = upload(
                token, "cat.png", "image/png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> huge = upload(token, "big.png", "image/png", new byte[3 * 1024 * 1024]);

        assertThat(html.statusCode()).isEqualTo(415);
        assertThat(html.body()).contains("urn:hypertube:problem:avatar-unsupported");
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> upload(String token, String filename, String type, byte[] content) throws Exception {
        String boundary = "----hypertube" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/users/me/avatar"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
