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
  /** A block: {@code minLength..maxLength} national digits starting with {@code prefix}. */
  record Block(int countryCode, String prefix, int minLength, int maxLength, NumberKind kind) {
    boolean matches(int cc, String national) {
      return cc == countryCode
          && national.startsWith(prefix)
          && national.length() >= minLength
          && national.length() <= maxLength;
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
      String len = f[2];
      int min;
      int max;
      if (len.equals("*")) {
        min = 0;
        max = Integer.MAX_VALUE;
      } else if (len.endsWith("+")) {
        min = Integer.parseInt(len.substring(0, len.length() - 1));
        max = Integer.MAX_VALUE;
      } else {
        min = Integer.parseInt(len);
        max = min;
      }
      blocks.add(new Block(Integer.parseInt(f[0]), f[1], min, max, NumberKind.fromCode(f[3])));
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
