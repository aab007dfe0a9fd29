package org.dunshield.report;

import java.util.Locale;

/** The formats a report is exported in. */
public enum Format {
  PDF, HTML, CSV, JSON;

  public static Format fromCode(String code) {
    try {
      return valueOf(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown report format '" + code + "'; expected pdf, html, csv or json");
    }
  }
}
