package org.dunshield.core.reputation.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any fields, quoted as RFC 4180 says, split back into themselves. */
class CsvLineProperties {
  @Property(tries = 2_000)
  void quotedFieldsSplitBack(@ForAll("fields") List<String> fields) {
    String line = fields.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","));
    assertThat(CsvLine.split(line)).isEqualTo(fields.stream().map(String::strip).toList());
  }

  @Provide
  Arbitrary<List<String>> fields() {
    return Arbitraries.strings().withChars("ab ,\"1+中").ofMaxLength(12).list().ofMinSize(1).ofMaxSize(6);
  }
}
