package com.hypertube.source.release;

/** One word of a release name; the offsets point into the name so the separators around it stay readable. */
record Token(String text, String lower, int start, int end) {}
