package org.dunshield.stream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.dunshield.core.carrier.AttackAlert;
import org.dunshield.core.carrier.CarrierSettings;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.CdrFiles;
import org.dunshield.core.carrier.EnrichedCall;
import org.dunshield.core.carrier.KnownNumbers;
import org.dunshield.core.carrier.NumberFlag;

/**
 * The carrier detection job. {@link #detect} is the pipeline — watermarks, the callee side keyed by
 * callee, the caller side keyed by caller, findings as JSON lines — and is what every entry point
 * shares: {@link #main} (the job jar, files or Kafka in and out, on any Flink cluster) and
 * {@link #runLocal} (a MiniCluster in this JVM, for {@code dunshield cdr analyze --engine flink}).
 */
public final class CdrJob {
  private static final String CALLEE_SIDE = "callee side: contacts and bombing";
  private static final String CALLER_SIDE = "caller side: features and flags";

  private CdrJob() {}

  /** The detection pipeline over {@code cdrs} (timestamps and watermarks are assigned here). */
  public static DataStream<String> detect(DataStream<Cdr> cdrs, CarrierSettings settings, KnownNumbers known,
      JobOptions options) {
    Objects.requireNonNull(settings, "settings");
    WatermarkStrategy<Cdr> watermarks = WatermarkStrategy.<Cdr>forBoundedOutOfOrderness(options.outOfOrderness())
        .withTimestampAssigner((cdr, previous) -> cdr.start())
        .withIdleness(java.time.Duration.ofMinutes(1));
    KeyedStream<Cdr, Long> byCallee = cdrs
        .assignTimestampsAndWatermarks(watermarks).name("event time")
        .keyBy(Cdr::callee);
    // the heap backend gets operators with their own state (NumberStateOperator), RocksDB the keyed
    // functions: their states are not interchangeable, hence the different uids
    boolean heap = options.heapState();
    SingleOutputStreamOperator<EnrichedCall> enriched = heap
        ? byCallee.transform(CALLEE_SIDE, CarrierTypes.ENRICHED_CALL, new CalleeOperator(settings)).uid("callee-side-heap")
        : byCallee.process(new CalleeFunction(settings), CarrierTypes.ENRICHED_CALL).name(CALLEE_SIDE).uid("callee-side");
    DataStream<String> alerts = enriched.getSideOutput(CalleeFunction.ALERTS)
        .map(AttackAlert::toJson).name("alerts as JSON").uid("alerts-json");
    KeyedStream<EnrichedCall, Long> byCaller = enriched.keyBy(e -> e.call().caller());
    DataStream<NumberFlag> raised = heap
        ? byCaller.transform(CALLER_SIDE, TypeInformation.of(NumberFlag.class), new CallerOperator(settings, known)).uid("caller-side-heap")
        : byCaller.process(new CallerFunction(settings, known)).name(CALLER_SIDE).uid("caller-side");
    DataStream<String> flags = raised.map(NumberFlag::toJson).name("flags as JSON").uid("flags-json");
    return flags.union(alerts);
  }

  /** An environment configured by {@code options}: state backend, exactly-once checkpoints. */
  static StreamExecutionEnvironment configure(StreamExecutionEnvironment env, JobOptions options) {
    if (options.parallelism() > 0) {
      env.setParallelism(options.parallelism());
    }
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    // records are immutable and the functions keep nothing they are given: no defensive copies
    // between chained operators
    env.getConfig().enableObjectReuse();
    if (!options.checkpointInterval().isZero()) {
      env.enableCheckpointing(options.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    }
    return env;
  }

  static Configuration configuration(JobOptions options) {
    Configuration conf = new Configuration();
    conf.set(StateBackendOptions.STATE_BACKEND, options.stateBackend());
    if (options.checkpointDir() != null) {
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, options.checkpointDir());
    }
    return conf;
  }

  static DataStream<Cdr> files(StreamExecutionEnvironment env, Path input) {
    return files(env, input.toUri().toString());
  }

  /** A CDR file source on any file system Flink knows ({@code file://}, {@code s3://}, {@code hdfs://}). */
  static DataStream<Cdr> files(StreamExecutionEnvironment env, String location) {
    org.apache.flink.core.fs.Path path = new org.apache.flink.core.fs.Path(location);
    FileSource<Cdr> source = FileSource.forRecordStreamFormat(new CdrFileFormat(path.getName()), path).build();
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), "CDR file " + path.getName())
        .uid("cdr-file-source");
  }

  /**
   * Runs the job over a CDR file on a MiniCluster in this JVM (or on the cluster of the surrounding
   * context, such as a test's) and writes the findings (JSON lines)
   * to {@code output} atomically; returns how many findings were written. A failure (a bad record)
   * ends the job at once: no restarts.
   */
  public static long runLocal(Path input, Path output, CarrierSettings settings, KnownNumbers known,
      JobOptions options) throws Exception {
    if (!Files.isRegularFile(input)) {
      throw new NoSuchFileException(input.toString());
    }
    Path checkpoints = null;
    if (options.checkpointDir() == null && !options.checkpointInterval().isZero()) {
      // checkpoints of real state outgrow the job manager's memory: keep them on disk for the run
      checkpoints = Files.createTempDirectory("dunshield-checkpoints");
      options = options.withCheckpoints(options.checkpointInterval(), checkpoints.toUri().toString());
    }
    Configuration conf = configuration(options);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    StreamExecutionEnvironment env = configure(StreamExecutionEnvironment.getExecutionEnvironment(conf), options);
    DataStream<String> findings = detect(files(env, input), settings, known, options);
    Path dir = output.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".findings", ".tmp");
    long n = 0;
    try (CloseableIterator<String> it = findings.executeAndCollect("dunshield carrier detection");
        BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      while (it.hasNext()) {
        out.write(it.next());
        out.write('\n');
        n++;
      }
    } catch (Exception e) {
      Files.deleteIfExists(tmp);
      throw e;
    } finally {
      if (checkpoints != null) {
        deleteCheckpoints(checkpoints);
      }
    }
    Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return n;
  }

  /**
   * Deletes the run's checkpoint directory. Flink may still be writing or discarding a checkpoint
   * that began before the job ended, so files can vanish or appear under the walk: missing ones are
   * skipped, the walk is repeated a few times, and what is left after that is reported, not thrown —
   * the findings are complete, and a leftover temporary directory must not fail the run.
   */
  static void deleteCheckpoints(Path dir) {
    IOException last = null;
    for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
      try {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
              throw e;
            }
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
        return;
      } catch (NoSuchFileException gone) {
        last = null; // the start directory itself went: nothing left
      } catch (IOException e) { // a directory filled again while we emptied it
        last = e;
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (last != null || Files.exists(dir)) {
      System.getLogger(CdrJob.class.getName()).log(System.Logger.Level.WARNING,
          "could not delete the temporary checkpoint directory " + dir + (last == null ? "" : ": " + last));
    }
  }

  /**
   * The job jar's entry point. Input: {@code --input PATH} (a CDR file) or {@code --kafka-brokers
   * HOSTS --kafka-input TOPIC [--kafka-group ID] [--kafka-bounded true]} (one CDR per message, CSV
   * without header or JSON with {@code --kafka-format json}). Output: {@code --output DIR} (part
   * files, committed on checkpoints) or {@code --kafka-output TOPIC [--kafka-transaction-prefix P]
   * [--kafka-transaction-timeout-ms MS]} (exactly-once transactions). Plus the {@link JobOptions} keys.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = JobOptions.pairs(args);
    JobOptions options = JobOptions.parse(a);
    StreamExecutionEnvironment env = configure(StreamExecutionEnvironment.getExecutionEnvironment(configuration(options)),
        options);
    DataStream<Cdr> cdrs;
    if (a.containsKey("input")) {
      cdrs = files(env, a.get("input"));
    } else if (a.containsKey("kafka-input")) {
      cdrs = kafka(env, a);
    } else {
      throw new IllegalArgumentException("give --input FILE or --kafka-brokers HOSTS --kafka-input TOPIC");
    }
    DataStream<String> findings = detect(cdrs, CarrierSettings.defaults(), KnownNumbers.none(), options);
    if (a.containsKey("output")) {
      findings.sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(a.get("output")),
          new SimpleStringEncoder<String>("UTF-8")).build()).name("findings files").uid("findings-files");
    } else if (a.containsKey("kafka-output")) {
      findings.sinkTo(kafkaSink(a)).name("findings topic").uid("findings-kafka");
    } else {
      throw new IllegalArgumentException("give --output DIR or --kafka-output TOPIC");
    }
    env.execute("dunshield carrier detection");
  }

  private static String required(Map<String, String> a, String key) {
    String v = a.get(key);
    if (v == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return v;
  }

  /**
   * The CDR topic {@code --kafka-input}, read from its earliest offsets; with {@code --kafka-bounded
   * true} only up to the offsets that are the latest when the job starts, after which the job
   * finishes like a file job (a replay or backfill).
   */
  static DataStream<Cdr> kafka(StreamExecutionEnvironment env, Map<String, String> a) {
    String topic = a.get("kafka-input");
    KafkaSourceBuilder<Cdr> source = KafkaSource.<Cdr>builder()
        .setBootstrapServers(required(a, "kafka-brokers"))
        .setTopics(topic)
        .setGroupId(a.getOrDefault("kafka-group", "dunshield-cdr"))
        .setStartingOffsets(OffsetsInitializer.earliest())
        .setDeserializer(new KafkaRecords("json".equals(a.getOrDefault("kafka-format", "csv"))));
    if (flag(a, "kafka-bounded")) {
      source.setBounded(OffsetsInitializer.latest());
    }
    return env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "CDR topic " + topic)
        .uid("cdr-kafka-source");
  }

  /**
   * The exactly-once findings topic {@code --kafka-output}. Its transactions time out after
   * {@code --kafka-transaction-timeout-ms} (default 15 minutes, a broker's default
   * {@code transaction.max.timeout.ms}: the connector's own default of one hour is refused by a broker
   * left at its defaults, and the job could then never start a transaction).
   */
  static KafkaSink<String> kafkaSink(Map<String, String> a) {
    return KafkaSink.<String>builder()
        .setBootstrapServers(required(a, "kafka-brokers"))
        .setRecordSerializer(KafkaRecordSerializationSchema.builder()
            .setTopic(a.get("kafka-output"))
            .setValueSerializationSchema(new SimpleStringSchema())
            .build())
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix(a.getOrDefault("kafka-transaction-prefix", "dunshield-cdr"))
        .setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, a.getOrDefault("kafka-transaction-timeout-ms", "900000"))
        .build();
  }

  private static boolean flag(Map<String, String> a, String key) {
    String v = a.getOrDefault(key, "false");
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("--" + key + " must be true or false, got '" + v + "'");
    }
    return v.equals("true");
  }

  /**
   * One CDR per Kafka message (CSV without header, or JSON). Errors name the topic, the partition and
   * the message's offset, which stay right when the job resumes from a checkpoint.
   */
  static final class KafkaRecords implements KafkaRecordDeserializationSchema<Cdr> {
    private static final long serialVersionUID = 1L;
    private final boolean json;
    private transient Map<TopicPartition, CdrFiles.LineParser> parsers;

    KafkaRecords(boolean json) {
      this.json = json;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> message, Collector<Cdr> out) {
      if (parsers == null) {
        parsers = new HashMap<>();
      }
      CdrFiles.LineParser parser = parsers.computeIfAbsent(new TopicPartition(message.topic(), message.partition()),
          tp -> new CdrFiles.LineParser("kafka topic " + tp.topic() + " partition " + tp.partition() + " offset", json));
      byte[] value = message.value();
      out.collect(parser.message(value == null ? "" : new String(value, StandardCharsets.UTF_8), message.offset()));
    }

    @Override
    public TypeInformation<Cdr> getProducedType() {
      return CarrierTypes.CDR;
    }
  }
}
