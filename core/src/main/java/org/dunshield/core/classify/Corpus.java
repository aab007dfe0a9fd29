package org.dunshield.core.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.dunshield.core.screen.Category;

/**
 * The training and evaluation corpus: the data sets of {@code shared/data} read into labelled
 * {@link Sample}s with a fixed held-out split.
 *
 * <ul>
 *   <li>{@code uci_sms_spam_collection/SMSSpamCollection} (English): {@code ham} is {@code normal},
 *       {@code spam} is {@code marketing} (the set does not tell adverts from prize scams); source {@code uci}.
 *   <li>{@code collection_sms_zh/dev.tsv} (Chinese, all six categories); source {@code collection-zh}.
 *   <li>{@code fbs_spam_sms_cn/*.txt} (Chinese spam from fake base stations): {@code AD_*} and
 *       {@code IL_*} (adverts for illegal services) are {@code marketing}, {@code FR_*} {@code fraud};
 *       {@code Other.txt} (mostly public notices) is left out. The set is word-segmented and anonymised;
 *       its placeholders become text of the same shape ({@code CELLPHONE} a mobile number, {@code URL}
 *       a link, {@code DIGIT} a digit, names and places nothing); source {@code fbs}.
 * </ul>
 *
 * <p>The held-out split: a message is held out when the CRC-32 of its UTF-8 text (as written in the
 * file) is divisible by 5 — about a fifth of every set, the same for any tool that computes CRC-32
 * (the scikit-learn baseline does), and identical duplicates always fall on the same side.
 */
public final class Corpus {
  public static final String UCI = "uci";
  public static final String COLLECTION_ZH = "collection-zh";
  public static final String FBS = "fbs";

  private Corpus() {}

  /** Whether {@code text} belongs to the held-out split. */
  public static boolean heldOut(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % 5 == 0;
  }

  /** Every sample of the data sets under {@code dir} (the {@code shared/data} folder). */
  public static List<Sample> read(Path dir) throws IOException {
    List<Sample> samples = new ArrayList<>();
    readTsv(dir.resolve("uci_sms_spam_collection/SMSSpamCollection"), UCI, samples);
    readTsv(dir.resolve("collection_sms_zh/dev.tsv"), COLLECTION_ZH, samples);
    Path fbs = dir.resolve("fbs_spam_sms_cn");
    List<Path> files;
    try (Stream<Path> list = Files.list(fbs)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      Category label = name.startsWith("AD_") || name.startsWith("IL_") ? Category.MARKETING
          : name.startsWith("FR_") ? Category.FRAUD : null;
      if (label == null) {
        continue;
      }
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          samples.add(new Sample(fromFbs(line), label, FBS, heldOut(line)));
        }
      }
    }
    return samples;
  }

  /**
   * The {@code shared/data} folder: {@code start} itself if it holds the data sets, else the first
   * {@code shared/data} found walking up from {@code start}; {@code null} when there is none.
   */
  public static Path locate(Path start) {
    Path p = start.toAbsolutePath().normalize();
    if (Files.isDirectory(p.resolve("collection_sms_zh"))) {
      return p;
    }
    for (; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate.resolve("collection_sms_zh"))) {
        return candidate;
      }
    }
    return null;
  }

  /** Undoes the segmentation and anonymisation of an FBS line. */
  static String fromFbs(String line) {
    String t = line.replace("CELLPHONE", " 13800000000 ").replace("HOTLINE", " 4008000000 ")
        .replace("PHONE", " 02088888888 ").replace("URL", " http://t.cn/x ").replace("DIGIT", " 8 ")
        .replace("WECHAT", " wx ").replace("QQ", " qq ");
    for (String drop : new String[] {"NAME", "PLACE", "BANK"}) {
      t = t.replace(drop, " ");
    }
    return t.strip();
  }

  private static void readTsv(Path file, String source, List<Sample> out) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new IllegalArgumentException(file + " line " + lineNo + ": expected LABEL<TAB>TEXT");
        }
        String label = line.substring(0, tab).toLowerCase(Locale.ROOT);
        String text = line.substring(tab + 1);
        Category category = switch (label) {
          case "ham" -> Category.NORMAL;
          case "spam" -> Category.MARKETING;
          default -> Category.fromCode(label);
        };
        out.add(new Sample(text, category, source, heldOut(text)));
      }
    }
  }
}
