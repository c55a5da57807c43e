/**
 * The {@code hypertube-torrent} command line: info, create, download, seed and read, with a live
 * progress line on a terminal, JSON for machines, and a one-line error for bad input.
 */
package com.hypertube.torrent.cli;
