package com.hypertube.streaming.conversion;

import com.hypertube.streaming.storage.DownloadRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The browser-ready copies the conversion queue made: a file's, when its job is done and the copy is on disk. */
@Component
public class ConvertedCopies {

    private final DownloadRoot downloadRoot;
    private final ConversionJobs jobs;

    ConvertedCopies(DownloadRoot downloadRoot, ConversionJobs jobs) {
        this.downloadRoot = downloadRoot;
        this.jobs = jobs;
    }

    public Optional<Path> ready(String infoHash, int fileIndex) {
        Path copy = downloadRoot.convertedCopy(infoHash, fileIndex);
        // The file first: most files never have a copy, and a missing one costs no query.
        if (!Files.isRegularFile(copy)) {
            return Optional.empty();
        }
        return jobs.forFile(infoHash, fileIndex)
                .filter(job -> job.status() == ConversionJob.Status.DONE)
                .map(job -> copy);
    }

    Path pathOf(String infoHash, int fileIndex) {
        return downloadRoot.convertedCopy(infoHash, fileIndex);
    }
}
