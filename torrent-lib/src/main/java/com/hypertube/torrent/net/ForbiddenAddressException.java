package com.hypertube.torrent.net;

import java.io.IOException;

/** A host resolved only to addresses an {@link AddressPolicy} refuses: no connection was made. */
public final class ForbiddenAddressException extends IOException {

    public ForbiddenAddressException(String message) {
        super(message);
    }
}
