package org.dunshield.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dunshield.core.classify.ClassifierTraining;
import org.dunshield.core.classify.Classification;
import org.dunshield.core.classify.Corpus;
import org.dunshield.core.classify.Evaluation;
import org.dunshield.core.classify.Sample;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.classify.SmsPolicy;
import org.dunshield.core.classify.TemplateHoldout;
import org.dunshield.core.screen.Category;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code classify (--text TEXT | --file FILE) [--json]}: what the SMS classifier makes of messages;
 * {@code classify train} rebuilds the shipped model from the corpus, {@code classify evaluate}
 * reports its figures on the held-out splits.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Classify SMS text: debt_collection, threat, fraud, marketing, verification_code or normal.",
    subcommands = {ClassifyCommand.Train.class, ClassifyCommand.Evaluate.class})
final class ClassifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--text", paramLabel = "TEXT", description = "One message.") String text;

  @Option(names = "--file", paramLabel = "FILE",
      description = "One message per line (UTF-8); a leading \"label<TAB>\" is ignored.") Path file;

  @Option(names = "--json", description = "Print {\"results\":[{\"text\",\"category\",\"confidence\"}...]}.") boolean json;

  @Override
  public Integer call() {
    if ((text == null) == (file == null)) {
      throw new IllegalArgumentException("give either --text TEXT or --file FILE (one message per line)");
    }
    List<String> messages = text != null ? List.of(text) : lines(file);
    SmsClassifier classifier = SmsClassifier.standard();
    PrintWriter out = spec.commandLine().getOut();
    List<Object> results = new ArrayList<>();
    for (String message : messages) {
      Classification c = classifier.classify(message);
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", message);
        m.put("category", c.category().code());
        m.put("confidence", Math.round(c.confidence() * 1000) / 1000.0);
        results.add(m);
      } else {
        out.printf(Locale.ROOT, "%-18s %5.3f  %s%n", c.category().code(), c.confidence(), message);
      }
    }
    if (json) {
      Output.json(out, Map.of("results", results));
    }
    out.flush();
    return 0;
  }

  private static List<String> lines(Path file) {
    List<String> all;
    try {
      all = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--file: no such file: " + file);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IllegalArgumentException("--file: " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> messages = new ArrayList<>();
    for (String line : all) {
      int tab = line.indexOf('\t');
      String message = tab >= 0 ? line.substring(tab + 1) : line;
      if (!message.isBlank()) {
        messages.add(message);
      }
    }
    return messages;
  }

  /** The corpus folder: the option, else {@code shared/data} found walking up from the working directory. */
  static Path corpus(Path option) {
    if (option != null) {
      if (!Files.isDirectory(option.resolve("collection_sms_zh"))) {
        throw new IllegalArgumentException("--corpus: " + option + " does not hold the data sets (collection_sms_zh, ...)");
      }
      return option;
    }
    Path found = Corpus.locate(Path.of(""));
    if (found == null) {
      throw new IllegalArgumentException("no shared/data folder above the working directory: give --corpus DIR");
    }
    return found;
  }

  static List<Sample> read(Path corpus) {
    try {
      return Corpus.read(corpus);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus in " + corpus, e);
    }
  }

  /** {@code classify train}: rebuilds the model from the training split. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train the SMS classifier on the corpus' training split and write the model file.")
  static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "The shared/data folder (default: found above the working directory).")
    Path corpus;

    @Option(names = "--out", paramLabel = "FILE", required = true,
        description = "Where to write the model (the shipped one is core/src/main/resources/org/dunshield/core/classify/sms-classifier.model).")
    Path out;

    @Option(names = "--model-version", paramLabel = "N", defaultValue = "1", description = "The model's version (default ${DEFAULT-VALUE}).")
    String version;

    @Override
    public Integer call() throws IOException {
      Path dir = corpus(corpus);
      List<Sample> all = read(dir);
      List<Sample> train = all.stream().filter(s -> !s.heldOut()).toList();
      Map<String, String> description = new LinkedHashMap<>();
      description.put("model-version", version);
      description.put("trained", LocalDate.now(ZoneOffset.UTC).toString());
      description.put("data", "UCI SMS Spam Collection v.1 (Almeida, Gomez Hidalgo, Yamakami 2011; ham=normal, spam=marketing);"
          + " FBS spam SMS (Zhang et al., CCS 2020; AD_/IL_=marketing, FR_=fraud, Other left out);"
          + " collection_sms_zh/dev.tsv (synthetic, six categories)");
      description.put("split", "training split only: a message is held out when CRC-32 of its UTF-8 text % 5 == 0");
      ClassifierTraining.Options options = ClassifierTraining.Options.defaults();
      long started = System.nanoTime();
      SmsClassifier model = ClassifierTraining.train(train, options, description);
      double seconds = (System.nanoTime() - started) / 1e9;
      Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), "sms-classifier", ".tmp");
      try (OutputStream o = Files.newOutputStream(tmp)) {
        model.write(o);
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      PrintWriter w = spec.commandLine().getOut();
      w.printf(Locale.ROOT, "trained on %d messages in %.1f s; wrote %s (%d bytes)%n", train.size(), seconds, out,
          Files.size(out));
      Evaluate.report(w, model, all, false, null);
      return 0;
    }
  }

  /** {@code classify evaluate}: accuracy, precision, recall and confusion on the held-out splits. */
  @Command(name = "evaluate", mixinStandardHelpOptions = true,
      description = "Report the classifier's figures on the held-out splits the training never saw.")
  static final class Evaluate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "The shared/data folder (default: found above the working directory).")
    Path corpus;

    @Option(names = "--model", paramLabel = "FILE", description = "A model file (default: the shipped model).")
    Path model;

    @Option(names = "--templates", description = "Also hold out whole sentence patterns of collection_sms_zh (trains 5 models).")
    boolean templates;

    @Option(names = "--json") boolean json;

    @Override
    public Integer call() throws IOException {
      SmsClassifier classifier;
      if (model == null) {
        classifier = SmsClassifier.standard();
      } else {
        try (InputStream in = Files.newInputStream(model)) {
          classifier = SmsClassifier.read(in);
        } catch (NoSuchFileException e) {
          throw new IllegalArgumentException("--model: no such file: " + model);
        }
      }
      List<Sample> all = read(corpus(corpus));
      Map<String, Object> doc = report(spec.commandLine().getOut(), classifier, all, json,
          templates ? TemplateHoldout.run(all, ClassifierTraining.Options.defaults(), SmsPolicy.defaults(), 5) : null);
      if (json) {
        Output.json(spec.commandLine().getOut(), doc);
      }
      return 0;
    }

    static Map<String, Object> report(PrintWriter out, SmsClassifier classifier, List<Sample> all, boolean quiet,
        Evaluation templates) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("model", classifier.header());
      for (String source : List.of(Corpus.UCI, Corpus.COLLECTION_ZH, Corpus.FBS)) {
        List<Sample> held = all.stream().filter(s -> s.heldOut() && s.source().equals(source)).toList();
        Evaluation e = Evaluation.of(classifier, SmsPolicy.defaults(), held);
        Map<String, Object> section = e.toMap();
        String title = "held-out " + source;
        if (source.equals(Corpus.UCI)) {
          Evaluation.Binary b = e.binary(Set.of(Category.NORMAL, Category.VERIFICATION_CODE));
          Map<String, Object> binary = new LinkedHashMap<>();
          binary.put("accuracy", round(b.accuracy()));
          binary.put("spamPrecision", round(b.precision()));
          binary.put("spamRecall", round(b.recall()));
          section.put("spamVsHam", binary);
          title += String.format(Locale.ROOT, " (spam against ham: accuracy %.2f %%, spam precision %.2f %%, recall %.2f %%)",
              100 * b.accuracy(), 100 * b.precision(), 100 * b.recall());
        }
        doc.put(source, section);
        if (!quiet) {
          out.println("== " + title);
          out.print(e.table());
        }
      }
      if (templates != null) {
        doc.put("collection-zh-unseen-templates", templates.toMap());
        if (!quiet) {
          out.println("== collection-zh, whole sentence patterns held out (5 folds)");
          out.print(templates.table());
        }
      }
      out.flush();
      return doc;
    }

    private static double round(double v) {
      return Math.round(v * 10000) / 10000.0;
    }
  }
}
