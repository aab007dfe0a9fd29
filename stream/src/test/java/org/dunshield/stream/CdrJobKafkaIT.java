package org.dunshield.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.KnownNumbers;
import org.dunshield.core.carrier.NetworkGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar's main with Kafka in and out, against a real Apache Kafka broker ({@link KafkaBroker}:
 * KRaft, its own JVM) and a two-slot MiniCluster that restarts a failed job twice: the generated
 * network of {@link CdrJobIT}, out of order over two partitions keyed by callee, gives the local
 * engine's findings exactly once to a {@code read_committed} consumer, also when the job fails with
 * findings in an open transaction; a bad message fails the job, naming topic, partition, offset and
 * field, after the restarts, with nothing committed.
 */
class CdrJobKafkaIT {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setConfiguration(twoRestarts()).setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @TempDir
  static Path dir;
  static KafkaBroker kafka;
  static List<Cdr> calls = new ArrayList<>();
  static TreeSet<String> local = new TreeSet<>();

  static Configuration twoRestarts() {
    Configuration c = new Configuration();
    c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
    c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    return c;
  }

  @BeforeAll
  static void startKafkaAndGenerate() throws Exception {
    // the broker's JVM starts while this one generates the network
    CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(() -> {
      try {
        return KafkaBroker.start(dir.resolve("kafka"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    new NetworkGenerator(10_000, 2, 7, NetworkGenerator.DEFAULT_START).generate(calls::add);
    CdrJobIT.localFindings(calls).forEach(f -> local.add(CdrJobIT.key(f)));
    kafka = broker.join();
  }

  @AfterAll
  static void stopKafka() throws InterruptedException {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void outOfOrderCdrsFromKafkaGiveTheLocalEnginesFindingsExactlyOnceToReadCommittedConsumers() throws Exception {
    List<Cdr> shuffled = CdrJobIT.outOfOrder(calls);
    assertThat(shuffled).isNotEqualTo(calls);
    kafka.createTopic("cdrs", 2);
    kafka.createTopic("findings", 2);
    kafka.send("cdrs", KafkaBroker.callees(shuffled), KafkaBroker.csvMessages(shuffled));

    CdrJob.main(new String[] {"--kafka-brokers", kafka.bootstrap(), "--kafka-input", "cdrs", "--kafka-bounded", "true",
        "--kafka-group", "it", "--kafka-output", "findings", "--kafka-transaction-prefix", "it", "--parallelism", "2",
        "--checkpoint-interval-ms", "500", "--checkpoint-dir", dir.resolve("checkpoints").toUri().toString()});

    assertEachLocalFindingCommittedOnce("findings");
  }

  @Test
  void aFailureWithFindingsInAnOpenTransactionStillGivesEachFindingExactlyOnce() throws Exception {
    kafka.createTopic("cdrs-failover", 2);
    kafka.createTopic(FailOnceMidTransaction.TOPIC, 1);
    kafka.send("cdrs-failover", KafkaBroker.callees(calls), KafkaBroker.csvMessages(calls));
    Map<String, String> a = Map.of("kafka-brokers", kafka.bootstrap(), "kafka-input", "cdrs-failover",
        "kafka-bounded", "true", "kafka-group", "failover", "kafka-output", FailOnceMidTransaction.TOPIC,
        "kafka-transaction-prefix", "failover");
    JobOptions options = JobOptions.defaults().withCheckpoints(Duration.ofMillis(300),
        dir.resolve("checkpoints-failover").toUri().toString());

    // main's pipeline with one operator more before the sink (Flink's own exactly-once tests do the
    // same): it fails the job once, when a checkpoint has committed findings and more have been
    // written since into the sink's open transaction; until then the input is slowed down, so that
    // checkpoints complete while findings are still coming on any machine
    StreamExecutionEnvironment env = CdrJob.configure(
        StreamExecutionEnvironment.getExecutionEnvironment(CdrJob.configuration(options)), options);
    DataStream<Cdr> input = CdrJob.kafka(env, a).map(new SlowUntilFailed()).returns(CarrierTypes.CDR).name("slow");
    CdrJob.detect(input, CarrierSettings.defaults(), KnownNumbers.none(), options)
        .map(new FailOnceMidTransaction()).setParallelism(1).name("fail once")
        .sinkTo(CdrJob.kafkaSink(a)).setParallelism(1).name("findings topic");
    FailOnceMidTransaction.failed.set(false);
    env.execute("failover");

    assertThat(FailOnceMidTransaction.failed).as("the job failed once mid-transaction").isTrue();
    List<String> committed = assertEachLocalFindingCommittedOnce(FailOnceMidTransaction.TOPIC);
    // the failure did cost written findings: an aborted transaction holds them (read_uncommitted sees it)
    assertThat(kafka.readUncommitted(FailOnceMidTransaction.TOPIC).size()).isGreaterThan(committed.size());
  }

  /**
   * Passes the input on, a millisecond's pause every {@link #EVERY} records until the failure has been
   * injected. Findings must be written on both sides of a completed checkpoint: unslowed, the input is
   * read in about a second and its dozen findings reach the sink before the first checkpoint completes
   * (the barriers queue behind them); slowing the findings instead queued the barriers behind the
   * held findings, and the failure sometimes never came. Pausing at the source keeps findings and
   * barriers interleaved as the input is read.
   */
  static final class SlowUntilFailed implements MapFunction<Cdr, Cdr> {
    private static final long serialVersionUID = 1L;
    static final int EVERY = 25;
    private long seen;

    @Override
    public Cdr map(Cdr cdr) throws InterruptedException {
      if (++seen % EVERY == 0 && !FailOnceMidTransaction.failed.get()) {
        Thread.sleep(1);
      }
      return cdr;
    }
  }

  /**
   * Passes findings on; fails (once per test run: the flag is static, the MiniCluster runs in this JVM)
   * at the first finding that comes when a checkpoint has completed and at least one finding has gone
   * to the sink since the last checkpoint barrier passed, that is, into the transaction still open.
   */
  static final class FailOnceMidTransaction extends RichMapFunction<String, String>
      implements CheckpointedFunction, CheckpointListener {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean failed = new AtomicBoolean();
    static final String TOPIC = "findings-failover";
    private transient boolean completed;
    private transient int sinceBarrier;

    @Override
    public String map(String finding) throws Exception {
      failIfMidTransaction();
      sinceBarrier++;
      return finding;
    }

    /**
     * Fails the job, once, when a checkpoint has completed and findings have gone to the sink since
     * the last barrier: asked before each finding and when a checkpoint completes (the last findings
     * may pass before the completion notice comes).
     */
    private void failIfMidTransaction() throws Exception {
      if (completed && sinceBarrier > 0 && failed.compareAndSet(false, true)) {
        // the sink's producer sends in the background: fail once the open transaction's findings are on
        // the broker, so that the abort has something to throw away (the test checks that it had)
        kafka.awaitOpenTransaction(TOPIC);
        throw new IllegalStateException("failure injected with " + sinceBarrier + " findings in an open transaction");
      }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      sinceBarrier = 0;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
      // nothing kept
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
      completed = true;
      failIfMidTransaction();
    }
  }

  @Test
  void aBadJsonMessageFailsTheJobAfterItsRestartsNamingTopicPartitionOffsetAndFieldWithNothingCommitted()
      throws Exception {
    kafka.createTopic("bad-cdrs", 1);
    kafka.createTopic("bad-findings", 1);
    List<String> messages = new ArrayList<>(KafkaBroker.jsonMessages(calls.subList(0, 100)));
    messages.add("{\"caller\":\"+8613000000001\",\"callee\":\"13000000002\",\"start_ms\":1772400001000,"
        + "\"ring_s\":3,\"talk_s\":60,\"answered\":true,\"disposition\":\"answered\"}");
    messages.addAll(KafkaBroker.jsonMessages(calls.subList(100, 200)));
    kafka.send("bad-cdrs", null, messages);

    assertThatThrownBy(() -> CdrJob.main(new String[] {"--kafka-brokers", kafka.bootstrap(), "--kafka-input", "bad-cdrs",
        "--kafka-format", "json", "--kafka-bounded", "true", "--kafka-group", "bad", "--kafka-output", "bad-findings",
        "--kafka-transaction-prefix", "bad", "--parallelism", "1", "--checkpoint-interval-ms", "500"}))
        .satisfies(e -> assertThat(CdrJobIT.rootMessage(e))
            .isEqualTo("kafka topic bad-cdrs partition 0 offset:100: field 'callee': '13000000002' is not an E.164 number"))
        .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.contains("Recovery is suppressed")
            && m.contains("maxNumberRestartAttempts=2")));
    assertThat(kafka.readCommitted("bad-findings")).isEmpty();
  }

  /**
   * Waits for {@code topic}'s transactions to settle, then checks that its committed findings are the
   * local engine's, each once (no key twice: the file engines also give one finding per key).
   */
  private static List<String> assertEachLocalFindingCommittedOnce(String topic) throws Exception {
    kafka.awaitSettled(topic);
    List<String> committed = kafka.readCommitted(topic);
    TreeSet<String> keys = new TreeSet<>();
    committed.forEach(s -> keys.add(CdrJobIT.key(s)));
    assertThat(keys).containsExactlyElementsOf(local);
    assertThat(committed).hasSameSizeAs(keys);
    return committed;
  }

  private static List<String> messages(Throwable e) {
    List<String> all = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.add(String.valueOf(t.getMessage()));
    }
    return all;
  }
}
