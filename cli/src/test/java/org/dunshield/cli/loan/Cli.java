package org.dunshield.cli.loan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.dunshield.core.loan.LoanRepository;

/** Runs {@code loan ...} with captured output, a given repository and a fixed day. */
final class Cli {
  record Result(int exit, String out, String err) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(out);
      } catch (Exception e) {
        throw new AssertionError("not one JSON document:\n" + out, e);
      }
    }
  }

  private final LoanRepository repository;
  private final Clock clock;

  Cli(LoanRepository repository, LocalDate today) {
    this.repository = repository;
    this.clock = Clock.fixed(today.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = LoanCommand.run(new LoanCommand(repository, clock), new PrintWriter(out, true),
        new PrintWriter(err, true), args);
    return new Result(exit, out.toString(), err.toString());
  }
}
