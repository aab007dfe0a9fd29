package org.dunshield.core.classify;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The term groups of {@code lexicon.tsv}: counts, per group, how many terms a (folded, lower-case)
 * text contains. Matching is a single pass over the text with candidate terms indexed by their first
 * character. Immutable and thread-safe.
 */
final class Lexicon {
  private record Term(char[] chars, int group, boolean asciiStart, boolean asciiEnd) {}

  private final List<String> groups;
  private final Term[][] byFirstChar = new Term[65536][];
  private final String sha256;

  private Lexicon(List<String> groups, List<Term> terms, String sha256) {
    this.groups = List.copyOf(groups);
    this.sha256 = sha256;
    Map<Character, List<Term>> index = new LinkedHashMap<>();
    for (Term t : terms) {
      index.computeIfAbsent(t.chars()[0], c -> new ArrayList<>()).add(t);
    }
    index.forEach((c, list) -> byFirstChar[c] = list.toArray(new Term[0]));
  }

  static Lexicon standard() {
    try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.tsv")) {
      if (in == null) {
        throw new IllegalStateException("lexicon.tsv missing from the classpath");
      }
      return parse(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Lexicon parse(byte[] file) throws IOException {
    List<String> groups = new ArrayList<>();
    List<Term> terms = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 2 || f[1].isBlank()) {
        throw new IllegalStateException("lexicon.tsv line " + lineNo + ": expected GROUP<TAB>TERM");
      }
      int group = groups.indexOf(f[0]);
      if (group < 0) {
        groups.add(f[0]);
        group = groups.size() - 1;
      }
      char[] chars = TextFeatures.fold(f[1].toLowerCase(Locale.ROOT)).toCharArray();
      terms.add(new Term(chars, group, isAsciiLetter(chars[0]), isAsciiLetter(chars[chars.length - 1])));
    }
    return new Lexicon(groups, terms, sha256(file));
  }

  List<String> groups() {
    return groups;
  }

  /** The SHA-256 of the lexicon file, recorded in models trained with it. */
  String sha256() {
    return sha256;
  }

  /** Adds, for each group, the number of term occurrences in {@code text[0, length)} to {@code counts}. */
  void count(char[] text, int length, int[] counts) {
    for (int i = 0; i < length; i++) {
      Term[] candidates = byFirstChar[text[i]];
      if (candidates == null) {
        continue;
      }
      for (Term t : candidates) {
        if (matchesAt(t, text, length, i)) {
          counts[t.group()]++;
        }
      }
    }
  }

  private static boolean matchesAt(Term t, char[] text, int length, int at) {
    char[] term = t.chars();
    if (at + term.length > length) {
      return false;
    }
    for (int j = 1; j < term.length; j++) {
      if (text[at + j] != term[j]) {
        return false;
      }
    }
    if (t.asciiStart() && at > 0 && isAsciiLetter(text[at - 1])) {
      return false;
    }
    return !t.asciiEnd() || at + term.length >= length || !isAsciiLetter(text[at + term.length]);
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
