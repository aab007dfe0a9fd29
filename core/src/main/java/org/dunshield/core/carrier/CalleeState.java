package org.dunshield.core.carrier;

/**
 * What the network remembers about one subscriber as a callee: recent contacts (callers of answered
 * calls, most recent first), the recent calls from strangers (a ring), the current attack and a
 * decayed inbound count. Mutable and public field by field because it is engine state: the local
 * engine keeps it in a map, the Flink job in keyed state (a Flink POJO). Only {@link CalleeLogic}
 * changes it. Not thread-safe.
 */
public final class CalleeState {
  public long[] contacts;
  public int contactCount;
  public long[] burstTimes;
  public long[] burstSources;
  public int burstHead;
  public int burstCount;
  public long attackStart;
  public long lastAttack;
  public int attackCalls;
  public double inboundRate;
  public long rateAt;
  public long lastSeen;

  public CalleeState() {}

  boolean knows(long number) {
    for (int i = 0; i < contactCount; i++) {
      if (contacts[i] == number) {
        return true;
      }
    }
    return false;
  }
}
