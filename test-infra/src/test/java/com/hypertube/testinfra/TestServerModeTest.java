package com.hypertube.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** How the tests pick their servers, from what the machine offers (given here, not the machine's own). */
class TestServerModeTest {

    private static final BooleanSupplier YES = () -> true;
    private static final BooleanSupplier NO = () -> false;
    /** For what must not be looked at, when the answer is known without it. */
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("looked for although the choice was made");
    };

    @Test
    void autoWithNoDockerAndNothingAnsweringChoosesEmbeddedServers() {
        assertThat(TestServerMode.choose("auto", NO, NO, NO)).isEqualTo(TestServerMode.EMBEDDED);
    }

    @Test
    void autoWithNoDockerAndALocalServerAnsweringChoosesTheLocalServers() {
        assertThat(TestServerMode.choose("auto", NO, YES, YES)).isEqualTo(TestServerMode.LOCAL);
        // Only one of them: still the local servers, whose run then says which one is missing.
        assertThat(TestServerMode.choose("auto", NO, YES, NO)).isEqualTo(TestServerMode.LOCAL);
        assertThat(TestServerMode.choose("auto", NO, NO, YES)).isEqualTo(TestServerMode.LOCAL);
    }

    @Test
    void autoWithADockerEngineChoosesContainersWithoutLookingForLocalServers() {
        assertThat(TestServerMode.choose("auto", YES, NOT_ASKED, NOT_ASKED)).isEqualTo(TestServerMode.DOCKER);
    }

    @Test
    void autoIsWhatNoSettingMeans() {
        assertThat(TestServerMode.choose(null, NO, NO, NO)).isEqualTo(TestServerMode.EMBEDDED);
        assertThat(TestServerMode.choose(" ", NO, YES, NO)).isEqualTo(TestServerMode.LOCAL);
        assertThat(TestServerMode.choose("AUTO", YES, NOT_ASKED, NOT_ASKED)).isEqualTo(TestServerMode.DOCKER);
    }

    @Test
    void aModeAskedForByNameIsTakenWithoutLookingAtTheMachine() {
        assertThat(TestServerMode.choose("docker", NOT_ASKED, NOT_ASKED, NOT_ASKED))
                .isEqualTo(TestServerMode.DOCKER);
        assertThat(TestServerMode.choose("local", NOT_ASKED, NOT_ASKED, NOT_ASKED))
                .isEqualTo(TestServerMode.LOCAL);
        assertThat(TestServerMode.choose("Embedded", NOT_ASKED, NOT_ASKED, NOT_ASKED))
                .isEqualTo(TestServerMode.EMBEDDED);
    }

    @Test
    void anUnknownSettingIsAnErrorThatListsTheChoices() {
        assertThatThrownBy(() -> TestServerMode.choose("podman", NO, NO, NO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("docker, local, embedded or auto")
                .hasMessageContaining("'podman'");
    }

    @Test
    void autoLooksForServersOnTheGivenPorts() throws IOException {
        int nothingThere = closedPort();
        try (ServerSocket postgres = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String host = "127.0.0.1";
            assertThat(TestServerMode.choose(
                            "auto",
                            NO,
                            () -> TestServerMode.answers(host, nothingThere),
                            () -> TestServerMode.answers(host, nothingThere)))
                    .isEqualTo(TestServerMode.EMBEDDED);
            assertThat(TestServerMode.choose(
                            "auto",
                            NO,
                            () -> TestServerMode.answers(host, postgres.getLocalPort()),
                            () -> TestServerMode.answers(host, nothingThere)))
                    .isEqualTo(TestServerMode.LOCAL);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
