package com.hypertube.auth.audit;

import java.time.Instant;

/** One audit log line as shown to the user it concerns. */
public record AuditEntry(Instant at, AuditEvent event, String ip, String userAgent, String detail) {}
