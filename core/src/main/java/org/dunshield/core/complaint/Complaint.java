package org.dunshield.core.complaint;

import java.util.List;
import java.util.Objects;

/**
 * A complaint draft: a title, the recipient and sections of lines, ready to paste into a web form
 * ({@link #text()}) or to lay out as a PDF. Immutable.
 */
public record Complaint(ComplaintChannel channel, String language, String title, List<Section> sections) {
  /** A heading and its lines. */
  public record Section(String heading, List<String> lines) {
    public Section {
      Objects.requireNonNull(heading, "heading");
      lines = List.copyOf(lines);
    }
  }

  public Complaint {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(title, "title");
    sections = List.copyOf(sections);
  }

  /** Plain text: the title, then each section's heading and lines, separated by blank lines. */
  public String text() {
    StringBuilder b = new StringBuilder(title).append("\n\n");
    for (Section s : sections) {
      b.append(s.heading()).append('\n');
      for (String line : s.lines()) {
        b.append(line).append('\n');
      }
      b.append('\n');
    }
    return b.toString();
  }
}
