package org.dunshield.formats.smsbackup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.dunshield.formats.FormatException;
import org.junit.jupiter.api.Test;

class SurrogateReferenceReaderTest {
  @Test
  void decodesDecimalAndHexSurrogatePairs() throws IOException {
    assertThat(filter("a&#55357;&#56842;b&#xD83D;&#xDE0A;c")).isEqualTo("a😊b😊c");
  }

  @Test
  void leavesOtherReferencesForTheParser() throws IOException {
    String xml = "&amp;&lt;&#10;&#13;&#9;&#65;&#x4E2D;&#128522;&#x1F60A;&#;&#x;&#abc;&";
    assertThat(filter(xml)).isEqualTo(xml);
  }

  @Test
  void replacesLoneSurrogatesAndForbiddenCharacters() throws IOException {
    SurrogateReferenceReader reader = new SurrogateReferenceReader(new StringReader(
        "&#55357;x&#56842;&#55357;&#65;&#0;&#xFFFE;&#99999999;"), "t", 1000);

    assertThat(drain(reader, 100)).isEqualTo("\uFFFDx\uFFFD\uFFFD&#65;\uFFFD\uFFFD\uFFFD");
    assertThat(reader.replaced()).isEqualTo(6);
  }

  @Test
  void decodesPairsSplitAcrossEveryBufferBoundary() throws IOException {
    String text = "x".repeat(70_000) + "&#55357;&#56842;".repeat(10) + "y".repeat(70_000);
    String expected = "x".repeat(70_000) + "😊".repeat(10) + "y".repeat(70_000);
    for (int chunk : new int[] {1, 2, 3, 7, 8191}) {
      Reader trickle = new Trickle(text, chunk);
      assertThat(drain(new SurrogateReferenceReader(trickle, "t", 1_000_000), chunk)).as("chunk %d", chunk)
          .isEqualTo(expected);
    }
  }

  @Test
  void refusesAnEndlessRunWithoutMarkup() {
    SurrogateReferenceReader reader = new SurrogateReferenceReader(new StringReader(
        "<a>\n\n" + "z".repeat(5000)), "big.xml", 1000);

    assertThatThrownBy(() -> drain(reader, 512))
        .isInstanceOf(FormatException.class)
        .hasMessage("big.xml:3: more than 1000 characters without markup: an element or value this large is refused");
  }

  private static String filter(String s) throws IOException {
    return drain(new SurrogateReferenceReader(new StringReader(s), "t", 1_000_000), 4096);
  }

  private static String drain(Reader reader, int chunk) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buf = new char[chunk];
    int n;
    while ((n = reader.read(buf, 0, buf.length)) >= 0) {
      out.append(buf, 0, n);
    }
    return out.toString();
  }

  /** Serves at most {@code chunk} characters per read, as a slow stream would. */
  private static final class Trickle extends Reader {
    private final String text;
    private final int chunk;
    private int pos;

    Trickle(String text, int chunk) {
      this.text = text;
      this.chunk = chunk;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (pos >= text.length()) {
        return -1;
      }
      int n = Math.min(Math.min(len, chunk), text.length() - pos);
      text.getChars(pos, pos + n, cbuf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
