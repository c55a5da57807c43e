package com.hypertube.streaming.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadRootTest {

    @TempDir
    Path temp;

    @Test
    void createsAMissingFolderWithItsParents() {
        Path folder = temp.resolve("a/b/downloads");

        assertThat(DownloadRoot.prepare(folder)).isEqualTo(folder);
        assertThat(folder).isDirectory();
    }

    @Test
    void aFolderThatCannotBeCreatedStopsTheStartWithItsName() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> DownloadRoot.prepare(file.resolve("downloads")))
                .hasMessageContaining("Cannot create the download folder " + file.resolve("downloads"))
                .hasMessageContaining("HYPERTUBE_DOWNLOAD_ROOT");
    }
}
