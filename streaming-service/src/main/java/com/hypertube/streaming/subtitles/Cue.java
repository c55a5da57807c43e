package com.hypertube.streaming.subtitles;

/** One subtitle: shown from {@code startMillis} to {@code endMillis}, its text in lines. */
record Cue(long startMillis, long endMillis, String text) {}
