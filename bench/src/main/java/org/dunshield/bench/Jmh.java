package org.dunshield.bench;

import java.util.ArrayList;
import java.util.List;

/** Starts JMH for one benchmark class, passing further command-line options through. Stateless. */
final class Jmh {
  private Jmh() {}

  static void run(Class<?> benchmark, String[] options) throws Exception {
    List<String> args = new ArrayList<>(List.of(options));
    args.add("^" + benchmark.getName().replace(".", "\\.") + "\\.");
    org.openjdk.jmh.Main.main(args.toArray(new String[0]));
  }
}
