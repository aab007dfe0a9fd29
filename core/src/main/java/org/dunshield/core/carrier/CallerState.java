package org.dunshield.core.carrier;

/**
 * What the network remembers about one subscriber as a caller: a sliding day of counters in
 * {@link CarrierSettings#BUCKETS} time buckets ({@code buckets}, {@link CallerLogic#METRICS} ints per
 * bucket, then their running totals), the distinct callees of the day with their call counts, the contacts shared by its callees
 * (address-book circles), the last calls as examples, and whether it is flagged. Mutable and public
 * field by field because it is engine state (a Flink POJO); only {@link CallerLogic} changes it.
 * Not thread-safe.
 */
public final class CallerState {
  public int[] buckets;
  public long newestBucket;
  public long[] callees;
  public int[] calleeCalls;
  public long[] calleeSeen;
  public int calleeCount;
  /** A hash index of {@code callees} once the list is long: derived, never stored, like {@link #circleIndex}. */
  public transient int[] calleeIndex;
  public int strangerCalls;
  public long[] circle;
  public int[] circleCounts;
  public int circleCount;
  public int circleMax;
  public long circleSince;
  /**
   * A hash index of {@code circle} (positions + 1, open addressing) once it is long: derived, never
   * stored — rebuilt when missing, so engines that copy or serialise the state (a Flink POJO skips
   * transient fields) lose nothing.
   */
  public transient int[] circleIndex;
  public long[] examples;
  public int exampleCount;
  public long firstSeen;
  public long lastSeen;
  public boolean flagged;

  public CallerState() {}
}
