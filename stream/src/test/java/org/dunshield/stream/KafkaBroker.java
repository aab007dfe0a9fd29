package org.dunshield.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.CdrFiles;

/**
 * A real Apache Kafka broker for the tests: the {@code kafka_2.13} release the build resolves (see
 * stream/pom.xml), in KRaft mode (broker and controller in one process), started in its own JVM
 * ({@code kafka.tools.StorageTool format}, then {@code kafka.Kafka}) on free loopback ports with its
 * log directory under {@code dir}, and killed by {@link #close}. Its own log goes to
 * {@code dir/broker.log}. Broker settings are Kafka's defaults except what one broker needs (internal
 * topics with one replica and one partition, no rebalance delay, no automatic topics).
 */
final class KafkaBroker implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final String bootstrap;
  private final Thread killer;

  private KafkaBroker(Process process, Path log, String bootstrap) {
    this.process = process;
    this.log = log;
    this.bootstrap = bootstrap;
    // a test JVM that dies must not leave a broker behind
    this.killer = new Thread(process::destroyForcibly, "kill kafka broker");
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /** Formats a log directory under {@code dir}, starts the broker and waits until it answers. */
  static KafkaBroker start(Path dir) throws IOException, InterruptedException {
    String property = System.getProperty("kafka.broker.classpath");
    if (property == null || !Files.isRegularFile(Path.of(property))) {
      throw new IllegalStateException("the Kafka broker's classpath file is missing (" + property
          + "): run the test through Maven, which writes it (mvn verify -pl stream -am)");
    }
    String classpath = Files.readString(Path.of(property)).strip();
    Files.createDirectories(dir);
    int port = freePort();
    int controller = freePort();
    Path config = dir.resolve("server.properties");
    Files.writeString(config, String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controller,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dir.resolve("data").toAbsolutePath(),
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=false",
        ""));
    Path log = dir.resolve("broker.log");
    Process format = java(classpath, log, "kafka.tools.StorageTool", "format", "--cluster-id",
        Uuid.randomUuid().toString(), "--config", config.toString());
    if (!format.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
      format.destroyForcibly();
      throw new IllegalStateException("formatting the Kafka log directory failed:\n" + tail(log));
    }
    KafkaBroker broker = new KafkaBroker(java(classpath, log, "kafka.Kafka", config.toString()), log,
        "127.0.0.1:" + port);
    try {
      broker.awaitReady();
    } catch (RuntimeException | InterruptedException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  private static Process java(String classpath, Path log, String... main) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath));
    command.addAll(List.of(main));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  private void awaitReady() throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    try (Admin admin = admin()) {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + ":\n" + tail(log));
        }
        try {
          if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes().get().isEmpty()) {
            return;
          }
        } catch (ExecutionException e) {
          // not listening yet
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the Kafka broker did not answer within " + STARTUP + ":\n" + tail(log));
        }
        Thread.sleep(200);
      }
    }
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  String bootstrap() {
    return bootstrap;
  }

  Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  void createTopic(String name, int partitions) throws ExecutionException, InterruptedException {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }
  }

  /**
   * Sends {@code messages} to {@code topic} and waits for all: message i with key {@code keys.get(i)}
   * (Kafka's default partitioner: the same key, the same partition), or without a key when
   * {@code keys} is null.
   */
  void send(String topic, List<String> keys, List<String> messages) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(1 << 18));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < messages.size(); i++) {
        producer.send(new ProducerRecord<>(topic, keys == null ? null : keys.get(i), messages.get(i)));
      }
      producer.flush();
    }
  }

  /** The callees of {@code calls} as message keys, as switches publish CDRs (docs/carrier.md, scaling plan). */
  static List<String> callees(List<Cdr> calls) {
    return calls.stream().map(c -> "+" + c.callee()).toList();
  }

  /**
   * Every message of {@code topic} that a {@code read_committed} consumer sees now: those of committed
   * transactions, up to the last stable offset of each partition (see {@link #awaitSettled}).
   */
  List<String> readCommitted(String topic) {
    return read(topic, "read_committed");
  }

  /** Every message of {@code topic}, from committed, aborted and open transactions alike. */
  List<String> readUncommitted(String topic) {
    return read(topic, "read_uncommitted");
  }

  private List<String> read(String topic, String isolation) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " up to " + end + " within 30 s");
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }

  /**
   * Waits until no transaction on {@code topic} is open or still being completed: a producer's commit
   * returns before the coordinator has written the commit markers to the partitions, and until then
   * a {@code read_committed} consumer stops short of the committed messages (its last stable offset
   * lags the log end). At most 30 s.
   */
  void awaitSettled(String topic) throws ExecutionException, InterruptedException {
    awaitOpen(topic, false, Duration.ofSeconds(30));
  }

  /**
   * Waits until messages of a transaction still open on {@code topic} have reached the broker (some
   * partition's log end is past its last stable offset): a producer sends in the background, so a
   * message handed to it may not be there yet. At most 10 s.
   */
  void awaitOpenTransaction(String topic) throws ExecutionException, InterruptedException {
    awaitOpen(topic, true, Duration.ofSeconds(10));
  }

  private void awaitOpen(String topic, boolean open, Duration patience) throws ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicPartitionInfo p : admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
        latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
      }
      while (true) {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> stable =
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get();
        boolean settled = end.entrySet().stream().allMatch(e -> e.getValue().offset() == stable.get(e.getKey()).offset());
        if (settled != open) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(topic + (open ? " has no open transaction's messages" : " still has an open transaction")
              + " after " + patience.toSeconds() + " s: stable " + stable + ", end " + end);
        }
        Thread.sleep(20);
      }
    }
  }

  /** CDRs as Kafka messages: CSV lines without the header, as the job's default format reads them. */
  static List<String> csvMessages(List<Cdr> calls) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CdrFiles.CsvWriter w = new CdrFiles.CsvWriter(bytes, false)) {
      for (Cdr c : calls) {
        w.write(c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    return lines.subList(1, lines.size());
  }

  /** CDRs as Kafka messages in JSON ({@code --kafka-format json}): flat objects with the CSV's keys. */
  static List<String> jsonMessages(List<Cdr> calls) {
    return calls.stream().map(c -> "{\"caller\":\"+" + c.caller() + "\",\"callee\":\"+" + c.callee()
        + "\",\"start_ms\":" + c.start() + ",\"ring_s\":" + c.ringSeconds() + ",\"talk_s\":" + c.talkSeconds()
        + ",\"answered\":" + c.answered() + ",\"disposition\":\"" + c.disposition().code() + "\",\"cell\":\""
        + c.cell() + "\"}").toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Kills the broker (its data is thrown away with the test's directory). */
  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs anyway
    }
  }
}
