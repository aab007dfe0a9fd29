package org.dunshield.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real sipp binary (Debian {@code sip-tester}) as caller (UAC) or as the PBX behind the
 * forward target (UAS). A missing binary fails the test instead of skipping it: CI installs sipp.
 */
final class Sipp {
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
  static final String BINARY = System.getenv().getOrDefault("SIPP", "/usr/bin/sipp");

  /** What a UAC run left: its exit code (0 when every call succeeded) and its screen and errors. */
  record Result(int exit, String output) {}

  private Sipp() {}

  static void requireInstalled() {
    assertThat(Path.of(BINARY)).as("sipp is needed for the SIP tests: apt-get install sip-tester (or set $SIPP)")
        .isExecutable();
  }

  /** A scenario from src/test/resources/sipp with its placeholders ({@code @NAME@}) replaced, written to {@code dir}. */
  static Path scenario(Path dir, String name, Map<String, String> values) {
    try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> e : values.entrySet()) {
        text = text.replace("@" + e.getKey() + "@", e.getValue());
      }
      text = text.replaceAll("(?m)^@[A-Z]+@\\n", "");
      Path file = Files.createTempFile(dir, name.replace(".xml", "-"), ".xml");
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes an injection file: one call per line, {@code caller;callee}. */
  static Path calls(Path dir, List<String> callers, String callee) {
    StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
    for (String caller : callers) {
      csv.append(caller).append(';').append(callee).append(";\n");
    }
    try {
      Path file = Files.createTempFile(dir, "calls-", ".csv");
      Files.writeString(file, csv);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a UAC against {@code port} on loopback until its calls are done (at most 60 s). */
  static Result uac(Path dir, Path scenario, Path calls, int port, String transport, int calls_, int rate) {
    List<String> command = new ArrayList<>(List.of(BINARY, "127.0.0.1:" + port, "-sf", scenario.toString(),
        "-inf", calls.toString(), "-i", "127.0.0.1", "-t", transport.equals("tcp") ? "t1" : "u1",
        "-m", Integer.toString(calls_), "-r", Integer.toString(rate), "-timeout", "30s", "-timeout_error",
        "-nostdin", "-trace_err", "-error_file", dir.resolve("uac-errors-" + System.nanoTime() + ".log").toString()));
    try {
      Path out = Files.createTempFile(dir, "uac-", ".out");
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "sipp did not finish within 60 s\n" + tail(out));
      }
      StringBuilder output = new StringBuilder(tail(out));
      try (var errors = Files.list(dir)) {
        for (Path f : errors.filter(f -> f.getFileName().toString().startsWith("uac-errors")).toList()) {
          output.append('\n').append(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
      }
      return new Result(p.exitValue(), output.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts a UAS on {@code port} that ends (exit 0) after {@code calls} calls. */
  static Process uas(Path dir, Path scenario, int port, int calls) {
    List<String> command = List.of(BINARY, "-sf", scenario.toString(), "-i", "127.0.0.1", "-p",
        Integer.toString(port), "-m", Integer.toString(calls), "-nostdin", "-timeout", "60s");
    try {
      return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("uas-" + port + ".out").toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a UAS to finish its calls; its exit code, or -1 when it is still running after {@code seconds}. */
  static int await(Process uas, int seconds) {
    try {
      if (!uas.waitFor(seconds, TimeUnit.SECONDS)) {
        return -1;
      }
      return uas.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  static void stop(Process p) {
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
    }
  }

  /**
   * A loopback port free for both UDP and TCP at the time of asking, and never handed out before in
   * this JVM: a stopped service's stack may still retransmit towards an earlier test's UAS port for
   * a few seconds, and must not reach a later test's service listening there.
   */
  static int freePort() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        if (!HANDED_OUT.add(port)) {
          continue;
        }
        try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
          return port;
        } catch (IOException taken) {
          // the UDP side is in use: try another
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free port for UDP and TCP");
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
    return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
  }
}
