package org.dunshield.stream;

import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.streaming.api.TimerService;
import org.dunshield.core.carrier.CarrierSettings;

/**
 * When idle state is dropped, on both kinds of keyed sides: at {@link #at}, the idle time after a
 * number's last call rounded up to a whole {@link #GRANULE} (a day). The keyed functions (RocksDB)
 * set event-time timers there, so a number has one pending timer per day it was active in —
 * registering a timer (a hash set and a heap per key group) was a quarter of the job's time at hour
 * granularity — backed up by a processing-time {@link #ttl}; the heap operators sweep their maps
 * when the watermark reaches the next granule ({@link #after}). State goes 3 to 4 days after the last
 * call, as the local engine's daily sweep drops it.
 */
final class Cleanup {
  static final long GRANULE = CarrierSettings.DAY_MS;

  private Cleanup() {}

  static long at(long lastSeen, CarrierSettings settings) {
    long due = lastSeen + settings.idle().toMillis();
    return Math.floorDiv(due + GRANULE - 1, GRANULE) * GRANULE;
  }

  /**
   * After a call moved a number's last call from {@code before} (0: the number had no state) to
   * {@code lastSeen}: registers the cleanup timer at {@link #at}{@code (lastSeen)} unless the
   * number already has one there.
   */
  static void schedule(TimerService timers, long before, long lastSeen, CarrierSettings settings) {
    long due = at(lastSeen, settings);
    if (before == 0 || at(before, settings) != due) {
      timers.registerEventTimeTimer(due);
    }
  }

  /** The first granule boundary after watermark {@code w}: when the next sweep is due. */
  static long after(long w) {
    return w > Long.MAX_VALUE - GRANULE ? Long.MAX_VALUE : Math.floorDiv(w, GRANULE) * GRANULE + GRANULE;
  }

  /**
   * The keyed functions' safety net, twice the idle time of processing time: on RocksDB its
   * compaction filter drops expired entries at little cost. (On the heap backend, where the
   * functions no longer run, it freed nothing and its wrapped values made the copy-on-write copies
   * after each checkpoint a quarter of the job's time.)
   */
  static StateTtlConfig ttl(CarrierSettings settings) {
    return StateTtlConfig.newBuilder(settings.idle().multipliedBy(2))
        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
        // the event-time timers do the cleaning; the heap backend's incremental TTL cleanup would
        // walk the state table on every access (it cost most of the job's time when measured)
        .disableCleanupInBackground()
        .cleanupFullSnapshot()
        .cleanupInRocksdbCompactFilter(10_000)
        .build();
  }
}
