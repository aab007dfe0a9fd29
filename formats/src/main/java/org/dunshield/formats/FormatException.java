package org.dunshield.formats;

/**
 * Input that is not what its format promises: malformed XML, a date that is not a date, a refused
 * DOCTYPE, a file over the size limit. The message names the file, the line when known, the field
 * and what is wrong, for example {@code sms.xml:57: attribute date: 'abc' is not epoch milliseconds}.
 *
 * <p>Unchecked, because readers throw it from {@link java.util.Iterator#next()}. Immutable.
 */
public final class FormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final int column;
  private final String field;
  private final String detail;

  /**
   * @param file the file as the user named it
   * @param line the 1-based line, or 0 when it does not apply
   * @param field what was wrong, such as {@code attribute date} or {@code field type}; may be null
   * @param detail a plain sentence fragment saying what is wrong
   */
  public FormatException(String file, long line, String field, String detail) {
    this(file, line, 0, field, detail, null);
  }

  /** As {@link #FormatException(String, long, String, String)}, with a 1-based column (0 if unknown) and a cause. */
  public FormatException(String file, long line, int column, String field, String detail, Throwable cause) {
    super(format(file, line, column, field, detail), cause);
    this.file = file;
    this.line = Math.max(0, line);
    this.column = Math.max(0, column);
    this.field = field;
    this.detail = detail;
  }

  /** The file as the user named it. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }

  /** The 1-based column, or 0 when unknown. */
  public int column() {
    return column;
  }

  /** The field, attribute or property at fault ({@code attribute date}, {@code TEL}), or null. */
  public String field() {
    return field;
  }

  /** What is wrong, without the location. */
  public String detail() {
    return detail;
  }

  private static String format(String file, long line, int column, String field, String detail) {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    s.append(": ");
    if (field != null) {
      s.append(field).append(": ");
    }
    return s.append(detail).toString();
  }
}
