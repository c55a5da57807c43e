package com.hypertube.auth.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceClientsTest {

    private static final String SECRET = "s".repeat(ServiceClients.MIN_SECRET_LENGTH);

    @Test
    void aConfiguredServiceWithItsSecretGetsTheServiceScopeOnly() {
        ServiceClients clients = new ServiceClients(List.of("media-service=" + SECRET, ""));

        assertThat(clients.authenticate("media-service", SECRET)).contains(Set.of("service"));
        assertThat(clients.authenticate("media-service", SECRET + "x")).isEmpty();
        assertThat(clients.authenticate("source-service", SECRET)).isEmpty();
        assertThat(clients.authenticate("media-service", null)).isEmpty();
    }

    @Test
    void aShortSecretOrAStrangeNameStopsTheStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new ServiceClients(List.of("media-service=short")))
                .withMessageContaining("at least 24");
        assertThatIllegalStateException().isThrownBy(() -> new ServiceClients(List.of("Media Service=" + SECRET)));
        assertThatIllegalStateException().isThrownBy(() -> new ServiceClients(List.of("media-service")));
    }

    @Test
    void nothingConfiguredMeansNoServiceClients() {
        assertThat(new ServiceClients(List.of()).authenticate("media-service", SECRET))
                .isEmpty();
    }
}
