package org.dunshield.stream;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.dunshield.core.carrier.Cdr;
import org.dunshield.core.carrier.CdrFiles;

/**
 * A CDR file (CSV or JSON lines, {@link CdrFiles}) as a Flink file-source format. Files are read
 * whole, not split, so the parser counts lines and a bad record fails the job with the file, line
 * and field ({@link org.dunshield.core.carrier.CdrFormatException}). Compressed files ({@code .gz})
 * are decompressed by the file source.
 */
public final class CdrFileFormat extends SimpleStreamFormat<Cdr> {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final boolean json;

  /** @param name the file name used in error messages and to choose the format */
  public CdrFileFormat(String name) {
    this.name = name;
    this.json = CdrFiles.isJson(name);
  }

  @Override
  public StreamFormat.Reader<Cdr> createReader(Configuration config, FSDataInputStream stream) {
    if (!json) {
      CdrFiles.CsvReader csv = new CdrFiles.CsvReader(name, stream);
      return new StreamFormat.Reader<>() {
        @Override
        public Cdr read() throws IOException {
          return csv.next();
        }

        @Override
        public void close() throws IOException {
          stream.close();
        }
      };
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
    CdrFiles.LineParser parser = new CdrFiles.LineParser(name, json);
    return new StreamFormat.Reader<>() {
      @Override
      public Cdr read() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
          Cdr c = parser.next(line);
          if (c != null) {
            return c;
          }
        }
        return null;
      }

      @Override
      public void close() throws IOException {
        in.close();
      }
    };
  }

  @Override
  public TypeInformation<Cdr> getProducedType() {
    return CarrierTypes.CDR;
  }
}
