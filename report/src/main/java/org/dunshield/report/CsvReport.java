package org.dunshield.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.report.CaseReport;

/**
 * The report's events as CSV (RFC 4180, UTF-8, header row), one row per event, times with their
 * offset. Stateless.
 */
final class CsvReport {
  static final String HEADER = "id,at,kind,direction,number,raw_number,call_type,duration_seconds,text,action,category,source";

  private CsvReport() {}

  static void write(CaseReport r, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    w.write(HEADER);
    w.write("\r\n");
    for (HistoryEntry entry : r.events()) {
      Event e = entry.event();
      CallEvent call = e instanceof CallEvent c ? c : null;
      String[] cells = {
        Long.toString(entry.id()),
        e.at().atZone(r.zone()).toOffsetDateTime().toString(),
        e.channel().code(),
        e.direction().code(),
        e.number() == null ? "" : e.number().e164(),
        e.rawNumber(),
        call == null ? "" : call.type().code(),
        call == null ? "" : Long.toString(call.duration().getSeconds()),
        e instanceof SmsEvent sms ? sms.body() : "",
        entry.verdict() == null ? "" : entry.verdict().action().code(),
        entry.verdict() == null || entry.verdict().category() == null ? "" : entry.verdict().category().code(),
        entry.source()
      };
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          w.write(',');
        }
        w.write(quote(cells[i]));
      }
      w.write("\r\n");
    }
    w.flush();
  }

  static String quote(String cell) {
    boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
        || cell.indexOf('\r') >= 0 || !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0;
    if (!needs) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
