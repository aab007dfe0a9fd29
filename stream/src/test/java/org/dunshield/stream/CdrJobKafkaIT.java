package org.dunshield.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.NetworkGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar's main with Kafka in and out, against a real Apache Kafka broker ({@link KafkaBroker}:
 * KRaft, its own JVM) and a two-slot MiniCluster that restarts a failed job twice: the generated
 * network of {@link CdrJobIT}, out of order over two partitions, gives the local engine's findings
 * exactly once to a {@code read_committed} consumer; a bad message fails the job, naming topic,
 * partition, offset and field, after the restarts, with nothing committed.
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
    kafka.send("cdrs", 2, KafkaBroker.csvMessages(shuffled));

    CdrJob.main(new String[] {"--kafka-brokers", kafka.bootstrap(), "--kafka-input", "cdrs", "--kafka-bounded", "true",
        "--kafka-group", "it", "--kafka-output", "findings", "--kafka-transaction-prefix", "it", "--parallelism", "2",
        "--checkpoint-interval-ms", "500", "--checkpoint-dir", dir.resolve("checkpoints").toUri().toString()});

    List<String> committed = kafka.readCommitted("findings");
    TreeSet<String> keys = new TreeSet<>();
    committed.forEach(s -> keys.add(CdrJobIT.key(s)));
    assertThat(keys).isEqualTo(local);
    // each finding once: no key twice (the file engines also give one finding per key)
    assertThat(committed).hasSameSizeAs(keys);
  }

  @Test
  void aTaskManagerLostMidRunStillGivesEachFindingExactlyOnce(@InjectMiniCluster MiniCluster cluster) throws Exception {
    kafka.createTopic("cdrs-failover", 2);
    kafka.createTopic("findings-failover", 2);
    kafka.send("cdrs-failover", 2, KafkaBroker.csvMessages(calls));

    CompletableFuture<Void> job = CompletableFuture.runAsync(() -> {
      try {
        CdrJob.main(new String[] {"--kafka-brokers", kafka.bootstrap(), "--kafka-input", "cdrs-failover",
            "--kafka-bounded", "true", "--kafka-group", "failover", "--kafka-output", "findings-failover",
            "--kafka-transaction-prefix", "failover", "--parallelism", "2", "--checkpoint-interval-ms", "200",
            "--checkpoint-dir", dir.resolve("checkpoints-failover").toUri().toString()});
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // once a checkpoint has committed findings and later ones are written in a transaction still open,
    // the task manager goes: that transaction is aborted, and the job restarts from the checkpoint on
    // a new task manager, reading and writing again what came after it
    boolean open = kafka.awaitOpenTransaction("findings-failover", job::isDone);
    boolean midRun = !job.isDone();
    cluster.terminateTaskManager(0).get();
    cluster.startTaskManager();
    job.get(2, TimeUnit.MINUTES);

    assertThat(open && midRun).as("the task manager went while the job was writing findings").isTrue();
    List<String> committed = kafka.readCommitted("findings-failover");
    TreeSet<String> keys = new TreeSet<>();
    committed.forEach(s -> keys.add(CdrJobIT.key(s)));
    assertThat(keys).isEqualTo(local);
    assertThat(committed).hasSameSizeAs(keys);
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
    kafka.send("bad-cdrs", 1, messages);

    assertThatThrownBy(() -> CdrJob.main(new String[] {"--kafka-brokers", kafka.bootstrap(), "--kafka-input", "bad-cdrs",
        "--kafka-format", "json", "--kafka-bounded", "true", "--kafka-group", "bad", "--kafka-output", "bad-findings",
        "--kafka-transaction-prefix", "bad", "--parallelism", "1", "--checkpoint-interval-ms", "500"}))
        .satisfies(e -> assertThat(CdrJobIT.rootMessage(e))
            .isEqualTo("kafka topic bad-cdrs partition 0 offset:100: field 'callee': '13000000002' is not an E.164 number"))
        .satisfies(e -> assertThat(messages(e)).anyMatch(m -> m.contains("Recovery is suppressed")
            && m.contains("maxNumberRestartAttempts=2")));
    assertThat(kafka.readCommitted("bad-findings")).isEmpty();
  }

  private static List<String> messages(Throwable e) {
    List<String> all = new ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.add(String.valueOf(t.getMessage()));
    }
    return all;
  }
}
