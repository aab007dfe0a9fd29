package org.dunshield.core.number;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The table of number blocks Dunshield classifies itself (virtual operators, service, government,
 * emergency and gateway numbers), loaded from the versioned data file {@code number-blocks.tsv}.
 * Immutable and thread-safe.
 */
final class NumberBlocks {
  record Block(int countryCode, String prefix, int length, NumberKind kind) {
    boolean matches(int cc, String national) {
      return cc == countryCode
          && national.startsWith(prefix)
          && (length < 0 || national.length() == length);
    }
  }

  private final List<Block> blocks;

  private NumberBlocks(List<Block> blocks) {
    List<Block> sorted = new ArrayList<>(blocks);
    sorted.sort(Comparator.comparingInt((Block b) -> b.prefix().length()).reversed());
    this.blocks = List.copyOf(sorted);
  }

  static NumberBlocks load() {
    try (InputStream in = NumberBlocks.class.getResourceAsStream("number-blocks.tsv")) {
      if (in == null) {
        throw new IllegalStateException("number-blocks.tsv missing from the classpath");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static NumberBlocks parse(InputStream in) throws IOException {
    List<Block> blocks = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length < 4) {
        throw new IllegalStateException("number-blocks.tsv line " + lineNo + ": expected 4 columns");
      }
      int length = f[2].equals("*") ? -1 : Integer.parseInt(f[2]);
      blocks.add(new Block(Integer.parseInt(f[0]), f[1], length, NumberKind.fromCode(f[3])));
    }
    return new NumberBlocks(blocks);
  }

  /** The kind of the longest matching block, or {@code null} when none matches. */
  NumberKind classify(int countryCode, String national) {
    for (Block block : blocks) {
      if (block.matches(countryCode, national)) {
        return block.kind();
      }
    }
    return null;
  }
}
