package com.hypertube.streaming.stream;

import jakarta.validation.constraints.Size;

/** What to stream: a magnet link, or an info hash (40 hex or 32 base32 characters). One of them. */
record StartStream(
        @Size(max = 16_384) String magnet, @Size(max = 64) String infoHash) {}
