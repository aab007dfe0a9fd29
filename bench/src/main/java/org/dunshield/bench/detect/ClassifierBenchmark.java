package org.dunshield.bench.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dunshield.core.classify.Classification;
import org.dunshield.core.classify.ClassifierTraining;
import org.dunshield.core.classify.Corpus;
import org.dunshield.core.classify.Sample;
import org.dunshield.core.classify.SmsClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SMS classifier on one thread.
 *
 * <ul>
 *   <li>{@code classify}: the shipped model on the held-out messages of every data set (Chinese and
 *       English, 4,761 of them) in rotation. Target: at least 50,000 messages per second per thread.
 *   <li>{@code train}: training on the whole training split of {@code shared/data} (single shot, in
 *       seconds), as {@code dunshield classify train} does. Target: under 60 s.
 * </ul>
 *
 * Needs {@code shared/data} above the working directory. Run: {@code java -jar bench/target/benchmarks.jar
 * 'org.dunshield.bench.detect.ClassifierBenchmark'}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ClassifierBenchmark {

  /** The corpus, read once. */
  @State(Scope.Benchmark)
  public static class Data {
    List<Sample> all;
    String[] heldOut;

    @Setup
    public void read() throws Exception {
      Path dir = Corpus.locate(Path.of(""));
      if (dir == null) {
        throw new IllegalStateException("no shared/data above " + Path.of("").toAbsolutePath());
      }
      all = Corpus.read(dir);
      heldOut = all.stream().filter(Sample::heldOut).map(Sample::text).toArray(String[]::new);
    }
  }

  /** A position in the rotation, per thread. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
    final SmsClassifier model = SmsClassifier.standard();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 2, time = 3)
  @Measurement(iterations = 3, time = 5)
  public Classification classify(Data data, Cursor c) {
    String text = data.heldOut[c.next];
    c.next = c.next + 1 == data.heldOut.length ? 0 : c.next + 1;
    return c.model.classify(text);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public SmsClassifier train(Data data) {
    return ClassifierTraining.train(data.all.stream().filter(s -> !s.heldOut()).toList(),
        ClassifierTraining.Options.defaults(), Map.of());
  }
}
