package com.hypertube.auth.audit;

/** Text from clients made safe for a log line: control characters (line breaks first) escaped. */
public final class LogText {

    private LogText() {}

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder safe = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                safe.append(String.format("\\u%04x", (int) c));
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }
}
