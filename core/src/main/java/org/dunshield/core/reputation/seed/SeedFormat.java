package org.dunshield.core.reputation.seed;

import java.util.Arrays;
import java.util.Locale;

/** The seed list layouts {@link SeedReader} reads. {@link #code()} is what {@code --format} takes. */
public enum SeedFormat {
  /** {@code number,category[,comment]}, an optional header row naming those columns. */
  CSV("csv"),
  /** The FTC Do-Not-Call complaint export: a header row with {@code Company_Phone_Number}, ..., {@code Subject}. */
  FTC("ftc"),
  /** One number per line; {@code #} starts a comment. */
  LIST("list");

  private final String code;

  SeedFormat(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static SeedFormat fromCode(String code) {
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    for (SeedFormat f : values()) {
      if (f.code.equals(wanted)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown seed format '" + code + "'; expected one of "
        + Arrays.stream(values()).map(SeedFormat::code).toList());
  }

  /** Guesses the layout from the first non-blank, non-comment line. */
  public static SeedFormat detect(String firstLine) {
    String line = firstLine == null ? "" : firstLine.strip();
    if (line.toLowerCase(Locale.ROOT).contains("company_phone_number")) {
      return FTC;
    }
    return line.contains(",") ? CSV : LIST;
  }
}
