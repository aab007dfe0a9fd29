package org.dunshield.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports throughput per second of CPU the benchmark JVM used, next to JMH's wall-clock score:
 * {@code -prof org.dunshield.bench.CpuTimeProfiler}. On a shared machine (other builds competing
 * for the same two cores) the wall-clock score drops with the share of CPU the benchmark got; this
 * figure does much less, because it divides by the CPU time actually received. It counts the whole
 * process (JIT, GC and JMH's own threads too), so it errs low, never high. Also reports the CPU share
 * and the system load average. Used by one JMH runner thread at a time.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long cpuStart;
  private long wallStart;

  @Override
  public String getDescription() {
    return "throughput per process CPU-second, CPU share and load average";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    cpuStart = os.getProcessCpuTime();
    wallStart = System.nanoTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    double cpu = os.getProcessCpuTime() - cpuStart;
    double wall = System.nanoTime() - wallStart;
    double share = cpu / wall;
    double score = result.getPrimaryResult().getScore();
    String unit = result.getPrimaryResult().getScoreUnit();
    return List.of(
        new ScalarResult("cpu.normalised", score / share, unit + " per CPU", AggregationPolicy.AVG),
        new ScalarResult("cpu.share", share, "cores", AggregationPolicy.AVG),
        new ScalarResult("load.average", os.getSystemLoadAverage(), "runnable", AggregationPolicy.AVG));
  }
}
