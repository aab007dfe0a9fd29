package org.dunshield.core.reputation;

/** What happened to an accepted report. Refused reports throw {@link ReportRefusedException}. */
public enum ReportOutcome {
  /** The reporter's first live report on the number. */
  ACCEPTED,
  /** It replaced the reporter's earlier report on the number. */
  REPLACED
}
