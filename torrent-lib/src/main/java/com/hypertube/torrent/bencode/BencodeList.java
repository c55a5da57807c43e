package com.hypertube.torrent.bencode;

import java.util.List;

public record BencodeList(List<BencodeValue> values) implements BencodeValue {

    public BencodeList {
        values = List.copyOf(values);
    }
}
