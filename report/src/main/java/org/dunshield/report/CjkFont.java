package org.dunshield.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Finds and embeds a font with Chinese glyphs. PDFBox subsets and embeds fonts with TrueType
 * outlines only, so CFF-outline fonts such as Noto Sans CJK do not qualify; the default is Debian's
 * {@code fonts-wqy-microhei}. The font file is {@code $DUNSHIELD_CJK_FONT} (or the system property
 * {@code dunshield.cjk.font}) when set, else the first of {@link #CANDIDATES} that exists. A loaded
 * font must stay open until its document is saved. Not thread-safe.
 */
public final class CjkFont implements Closeable {
  /** The environment variable naming a font file (.ttf or .ttc with TrueType outlines). */
  public static final String ENV = "DUNSHIELD_CJK_FONT";
  /** The Debian package that provides the default font. */
  public static final String PACKAGE = "fonts-wqy-microhei";

  static final List<Path> CANDIDATES = List.of(
      Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
      Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
      Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
      Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"),
      Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

  private final Closeable source;
  private final TrueTypeFont font;
  private final Path path;

  private CjkFont(Closeable source, TrueTypeFont font, Path path) {
    this.source = source;
    this.font = font;
    this.path = path;
  }

  /**
   * The font file to use.
   *
   * @throws MissingFontException naming the Debian package to install when none is found
   */
  public static Path locate() {
    String configured = System.getenv(ENV);
    if (configured == null || configured.isBlank()) {
      configured = System.getProperty("dunshield.cjk.font");
    }
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      if (!Files.isReadable(p)) {
        throw new MissingFontException(ENV + " names " + p + ", which cannot be read");
      }
      return p;
    }
    for (Path p : CANDIDATES) {
      if (Files.isReadable(p)) {
        return p;
      }
    }
    throw new MissingFontException("no font with Chinese glyphs found for PDF output; install one with"
        + " `apt-get install " + PACKAGE + "` or set " + ENV + " to a .ttf/.ttc file with TrueType outlines");
  }

  /** Opens the font at {@code path}: a .ttf, or the first TrueType-outline font of a .ttc collection. */
  public static CjkFont open(Path path) {
    try {
      if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
        TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
        List<TrueTypeFont> usable = new ArrayList<>();
        collection.processAllFonts(f -> {
          if (!(f instanceof OpenTypeFont otf && otf.isPostScript())) {
            usable.add(f);
          }
        });
        if (usable.isEmpty()) {
          collection.close();
          throw cffOnly(path);
        }
        return new CjkFont(collection, usable.get(0), path);
      }
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(path.toFile()));
      if (ttf instanceof OpenTypeFont otf && otf.isPostScript()) {
        ttf.close();
        throw cffOnly(path);
      }
      return new CjkFont(ttf, ttf, path);
    } catch (IOException e) {
      throw new MissingFontException("cannot read the font " + path + ": " + e.getMessage());
    }
  }

  /** Loads the font into {@code doc} for embedding as a subset. */
  PDType0Font load(PDDocument doc) throws IOException {
    return PDType0Font.load(doc, font, true);
  }

  public Path path() {
    return path;
  }

  private static MissingFontException cffOnly(Path path) {
    return new MissingFontException(path + " has CFF (PostScript) outlines, which PDFBox cannot embed;"
        + " install " + PACKAGE + " or set " + ENV + " to a font with TrueType outlines");
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  /** No usable font: the message says what to install. */
  public static final class MissingFontException extends IllegalStateException {
    MissingFontException(String message) {
      super(message);
    }
  }
}
