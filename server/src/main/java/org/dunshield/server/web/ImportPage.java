package org.dunshield.server.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dunshield.core.contact.Contact;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.history.ImportCount;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.settings.Settings;
import org.dunshield.formats.FormatException;
import org.dunshield.formats.ImportFile;
import org.dunshield.formats.ReadOptions;
import org.dunshield.formats.RecordReader;
import org.dunshield.server.Workspace;

/**
 * {@code /imports}: upload a vCard address book or an SMS Backup &amp; Restore calls or messages
 * backup (or a CSV call log); the format is recognised from the content and read by the same
 * streaming, hardened readers as {@code dunshield import}, all or nothing. A request larger than the
 * limit is refused before it is read, with the limit in the message; a malformed file names the
 * line and field and stores nothing. Afterwards: a summary of what came in.
 */
final class ImportPage {
  private final Web web;

  ImportPage(Web web) {
    this.web = web;
  }

  void show(Context ctx) {
    show(ctx, 200, null, null);
  }

  private void show(Context ctx, int status, String error, Map<String, Object> summary) {
    Map<String, Object> model = new HashMap<>();
    model.put("limitMb", web.uploadLimit / (1024 * 1024));
    model.put("error", error);
    model.put("summary", summary);
    web.render(ctx, status, "imports", "imports", model);
  }

  void upload(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length > web.uploadLimit + 64 * 1024) {
      drainUpTo(ctx, length, 8 * web.uploadLimit);
      tooLarge(ctx);
      return;
    }
    UploadedFile file;
    try {
      file = ctx.uploadedFile("file");
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("size")
          || e.getCause() != null && String.valueOf(e.getCause().getMessage()).toLowerCase(Locale.ROOT).contains("size")) {
        tooLarge(ctx);
        return;
      }
      throw e;
    }
    if (file == null || file.size() == 0) {
      show(ctx, 400, web.message(ctx, "imports.none"), null);
      return;
    }
    if (file.size() > web.uploadLimit) {
      tooLarge(ctx);
      return;
    }
    Workspace w = web.workspace(ctx);
    Settings settings = w.repositories().settings().load();
    ZoneId zone = settings.timezone();
    String name = safeName(file.filename());
    ReadOptions options = ReadOptions.defaults().withNumbers(NumberParser.forRegion(settings.region()))
        .withZone(zone).withMaxFileBytes(web.uploadLimit);
    Map<String, Object> summary = new HashMap<>();
    summary.put("file", name);
    try (InputStream in = file.content()) {
      ImportFile detected = ImportFile.detect(name, in, file.size());
      summary.put("format", web.message(ctx, "imports.format." + detected.format().name().toLowerCase(Locale.ROOT)));
      if (detected.format().holdsContacts()) {
        try (RecordReader<Contact> reader = detected.contacts(options)) {
          ImportCount count = w.repositories().contacts().importAll(reader);
          summary.put("imported", count.imported());
          summary.put("skipped", count.skipped() + reader.skipped());
          summary.put("warnings", reader.warnings().stream().limit(20).toList());
          summary.put("contacts", true);
        }
      } else {
        try (RecordReader<Event> reader = detected.events(options)) {
          Tally tally = new Tally(reader);
          ImportCount count = w.repositories().history().importAll(tally, name);
          summary.put("imported", count.imported());
          summary.put("skipped", count.skipped() + reader.skipped());
          summary.put("warnings", reader.warnings().stream().limit(20).toList());
          summary.put("calls", tally.calls);
          summary.put("sms", tally.sms);
          summary.put("first", tally.first == null ? "" : Web.MINUTE.format(tally.first.atZone(zone)));
          summary.put("last", tally.last == null ? "" : Web.MINUTE.format(tally.last.atZone(zone)));
        }
      }
    } catch (FormatException e) {
      show(ctx, 400, e.getMessage(), null);
      return;
    } catch (IOException | java.io.UncheckedIOException e) {
      show(ctx, 400, name + ": " + e.getMessage(), null);
      return;
    }
    w.screening().invalidate();
    web.changed(w.owner());
    show(ctx, 200, null, summary);
  }

  /**
   * Reads and drops a refused upload's body when it is not much larger than the limit: a server that
   * answers before reading closes the connection under a client still sending, and the client (a
   * browser, the JDK's HttpClient) may then see a reset instead of the 413 page. A body larger than
   * {@code most} is not read: the connection is closed on it.
   */
  private static void drainUpTo(Context ctx, long length, long most) {
    if (length > most) {
      return;
    }
    try (InputStream body = ctx.req().getInputStream()) {
      body.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // the client went away: nobody to answer
    }
  }

  private void tooLarge(Context ctx) {
    show(ctx, 413, web.message(ctx, "imports.too_large", web.uploadLimit / (1024 * 1024)), null);
  }

  private static String safeName(String name) {
    if (name == null || name.isBlank()) {
      return "upload";
    }
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    return base.length() > 120 ? base.substring(0, 120) : base;
  }

  /** Counts calls, SMS and the time span of the events passing through. */
  private static final class Tally implements Iterator<Event> {
    private final Iterator<Event> in;
    long calls;
    long sms;
    Instant first;
    Instant last;

    Tally(Iterator<Event> in) {
      this.in = in;
    }

    @Override
    public boolean hasNext() {
      return in.hasNext();
    }

    @Override
    public Event next() {
      Event e = in.next();
      if (e.channel() == Channel.CALL) {
        calls++;
      } else {
        sms++;
      }
      if (first == null || e.at().isBefore(first)) {
        first = e.at();
      }
      if (last == null || e.at().isAfter(last)) {
        last = e.at();
      }
      return e;
    }
  }
}
