package org.dunshield.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Importing a 100 MB SMS Backup &amp; Restore file with at most 256 MB of heap, target under 30 s.
 * Not a JMH benchmark: a single import of that size is the thing measured.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar org.dunshield.bench.ImportBenchmark [megabytes] [runs] [heap]
 * }</pre>
 *
 * Generates the file ({@link SmsBackupWriter}, default 100 MB) in a temporary directory, then for
 * each run starts two child JVMs with {@code -Xmx256m} (or {@code heap}) and this JVM's class path
 * running {@link ImportRun}: first the formats reader alone (the baseline), then the import into a
 * fresh SQLite database. Prints each run and the median, and deletes the temporary directory.
 */
public final class ImportBenchmark {
  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    long megabytes = args.length > 0 ? Long.parseLong(args[0]) : 100;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String heap = args.length > 2 ? args[2] : "256m";
    Path dir = Files.createTempDirectory("dunshield-import-bench");
    try {
      Path file = dir.resolve("sms-20240112211501.xml");
      long start = System.nanoTime();
      long messages = new SmsBackupWriter(ScreeningFixture.SEED).write(file, megabytes * 1024 * 1024);
      double mb = Files.size(file) / (1024.0 * 1024.0);
      System.out.printf("generated %s: %.1f MB, %,d messages in %.1f s%n", file.getFileName(), mb, messages,
          (System.nanoTime() - start) / 1e9);
      List<Map<String, String>> reads = new ArrayList<>();
      List<Map<String, String>> imports = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        Map<String, String> read = child(heap, "read", file.toString());
        reads.add(read);
        report("read   #" + run, read, mb);
        Path data = dir.resolve("data-" + run);
        Map<String, String> imported = child(heap, "import", file.toString(), data.toString());
        imports.add(imported);
        report("import #" + run, imported, mb);
        deleteTree(data);
      }
      double readSeconds = median(reads, "seconds");
      double importSeconds = median(imports, "seconds");
      System.out.printf("median of %d: read %.2f s (%.1f MB/s), import %.2f s (%.1f MB/s, %.0f events/s), import/read"
          + " %.2fx; heap -Xmx%s; target < 30 s: %s%n", runs, readSeconds, mb / readSeconds, importSeconds,
          mb / importSeconds, Double.parseDouble(imports.get(0).get("events")) / importSeconds,
          importSeconds / readSeconds, heap, importSeconds < 30 ? "MET" : "MISSED");
      System.out.printf("median CPU: read %.2f s, import %.2f s%n", median(reads, "cpu_seconds"),
          median(imports, "cpu_seconds"));
    } finally {
      deleteTree(dir);
    }
  }

  private static void report(String what, Map<String, String> result, double mb) {
    double seconds = Double.parseDouble(result.get("seconds"));
    System.out.printf("%s: %.2f s (%s s CPU, load %s), %.1f MB/s, %s events (%s imported, %s drafts/unsent),"
        + " peak heap %s MB of %s MB (child JVM wall %s s)%n", what, seconds, result.get("cpu_seconds"),
        result.get("load"), mb / seconds, result.get("events"), result.get("imported"), result.get("not_events"),
        result.get("peak_heap_mb"), result.get("max_heap_mb"), result.get("wall"));
  }

  /** Runs {@link ImportRun} in a child JVM with {@code -Xmx<heap>} and returns its RESULT fields. */
  private static Map<String, String> child(String heap, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
        "-cp", System.getProperty("java.class.path"), ImportRun.class.getName()));
    command.addAll(List.of(args));
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, String> result = new LinkedHashMap<>();
    StringBuilder output = new StringBuilder();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith("RESULT ")) {
          for (String field : line.substring(7).split(" ")) {
            String[] kv = field.split("=", 2);
            result.put(kv[0], kv[1]);
          }
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || result.isEmpty()) {
      throw new IllegalStateException("child " + String.join(" ", args) + " failed (exit " + exit + "):\n" + output);
    }
    result.put("wall", String.format("%.2f", (System.nanoTime() - start) / 1e9));
    return result;
  }

  private static double median(List<Map<String, String>> results, String field) {
    return results.stream().mapToDouble(r -> Double.parseDouble(r.get(field))).sorted()
        .skip((results.size() - 1) / 2).findFirst().orElseThrow();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
