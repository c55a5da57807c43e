/**
 * The peer wire protocol (BEP 3): the handshake, one type per message, and the one codec that turns them
 * into bytes and back, checking every declared length before allocating.
 */
package com.hypertube.torrent.peer;
