package org.dunshield.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to exit codes: bad input (an {@link IllegalArgumentException}, a malformed file, a
 * missing file) is 2 with the message alone on stderr; anything else is an internal error, 1.
 */
final class Failures implements IExecutionExceptionHandler {
  static final int BAD_INPUT = 2;
  static final int INTERNAL = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    if (isBadInput(e)) {
      cli.getErr().println("dunshield: " + e.getMessage());
      return BAD_INPUT;
    }
    cli.getErr().println("dunshield: internal error: " + e);
    if (System.getenv("DUNSHIELD_DEBUG") != null) {
      e.printStackTrace(cli.getErr());
    }
    return INTERNAL;
  }

  static boolean isBadInput(Throwable e) {
    if (e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
      return true;
    }
    String type = e.getClass().getName();
    if (type.equals("org.dunshield.formats.FormatException")) {
      return true;
    }
    if (e instanceof UncheckedIOException u && u.getCause() instanceof java.nio.file.NoSuchFileException) {
      return true;
    }
    return e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException;
  }
}
