package com.hypertube.torrent.bencode;

public record BencodeInteger(long value) implements BencodeValue {}
