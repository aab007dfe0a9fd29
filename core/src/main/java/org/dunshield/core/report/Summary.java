package org.dunshield.core.report;

import java.time.Instant;

/**
 * A case's headline figures. {@code quietHourCalls} are incoming calls between 22:00 and 08:00 in
 * the user's time zone, the hours most collection rules forbid; {@code first} and {@code last} are
 * {@code null} for an empty case. Immutable.
 */
public record Summary(
    int events, int calls, int incomingCalls, int missedCalls, int sms, int incomingSms,
    int distinctNumbers, int quietHourCalls, Instant first, Instant last, Counted busiestDay) {}
