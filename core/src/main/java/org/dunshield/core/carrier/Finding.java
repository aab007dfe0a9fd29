package org.dunshield.core.carrier;

/** What carrier detection reports: a number to act on, or an attack on a subscriber. */
public sealed interface Finding permits NumberFlag, AttackAlert {
  /** Event time at which the finding was made (epoch milliseconds). */
  long at();

  /** One JSON object on one line (the findings file format, see docs/carrier.md). */
  String toJson();
}
