package org.dunshield.store;

import static org.dunshield.store.Fixtures.T0;
import static org.dunshield.store.Fixtures.generatedSms;

import java.nio.file.Path;
import java.util.Iterator;
import org.dunshield.core.event.CallEvent;
import org.dunshield.core.event.Event;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.ChannelScope;
import org.dunshield.core.rule.MatchKind;
import org.dunshield.core.rule.Rule;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.Reason;
import org.dunshield.core.screen.Verdict;

/**
 * One writer of the concurrency test, in this JVM ({@link #write}) or as a separate process
 * ({@code main DATA_DIR WRITER_NUMBER CALLS}): many small transactions, some imports, some rules.
 */
final class WriterProcess {
  static final int IMPORT_EVERY = 50;
  static final int IMPORT_SIZE = 20;

  private WriterProcess() {}

  public static void main(String[] args) {
    try (Database db = Database.openDirectory(Path.of(args[0]))) {
      write(db, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }
  }

  /** How many history entries {@link #write} adds. */
  static int entriesWritten(int calls) {
    return calls + (calls / IMPORT_EVERY) * IMPORT_SIZE;
  }

  static void write(Database db, int writer, int calls) {
    for (int i = 0; i < calls; i++) {
      PhoneNumber caller = PhoneNumber.of("+86170" + String.format("%02d%06d", writer, i), NumberKind.VIRTUAL_MOBILE);
      db.history().append(CallEvent.incoming(T0.plusMillis(i), caller, org.dunshield.core.event.Presentation.ALLOWED),
          new Verdict(Action.BLOCK, "type", null, null, new Reason("虚拟号段", "virtual number"), caller), "screen");
      if (i % IMPORT_EVERY == IMPORT_EVERY - 1) {
        db.history().importAll(tagged(writer * 1_000_000 + i, generatedSms(IMPORT_SIZE)), "sms-" + writer + ".xml");
        db.rules().add(new Rule(0, Action.BLOCK, MatchKind.EXACT, caller.e164(), ChannelScope.BOTH, 0, "w" + writer, null));
      }
    }
  }

  /** Shifts generated messages in time so that every batch is distinct. */
  private static Iterator<Event> tagged(int offset, Iterator<Event> events) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return events.hasNext();
      }

      @Override
      public Event next() {
        SmsEvent sms = (SmsEvent) events.next();
        return new SmsEvent(sms.at().plusSeconds(offset * 100L), sms.number(), sms.rawNumber(), sms.direction(), sms.body());
      }
    };
  }
}
