package com.hypertube.torrent.bencode;

/** A bencoded value: a byte string, an integer, a list or a dictionary. */
public sealed interface BencodeValue permits BencodeString, BencodeInteger, BencodeList, BencodeDictionary {}
