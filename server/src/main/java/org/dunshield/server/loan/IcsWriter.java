package org.dunshield.server.loan;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.dunshield.core.loan.Language;
import org.dunshield.core.loan.Money;
import org.dunshield.core.loan.Reminder;

/**
 * Writes reminders as an iCalendar file (RFC 5545) with ical4j: one all-day event on each due date
 * with a display alarm the given days before. UIDs are stable ({@code loan-ID-PERIOD@dunshield}),
 * so importing an updated file replaces events instead of duplicating them. Shared by {@code loan
 * calendar} and {@code GET /api/v1/loans/calendar.ics}. Thread-safe (stateless).
 */
public final class IcsWriter {
  public static final String PRODUCT = "-//Dunshield//Loan desk//EN";

  private IcsWriter() {}

  /** The calendar of {@code reminders} (at least one: RFC 5545 has no empty calendar). */
  public static Calendar calendar(List<Reminder> reminders, int daysAhead, Instant stamp, Language lang) {
    Calendar calendar = new Calendar()
        .add(new ProdId(PRODUCT))
        .add(ImmutableVersion.VERSION_2_0)
        .add(ImmutableCalScale.GREGORIAN);
    for (Reminder r : reminders) {
      String what = text(r, lang);
      VEvent event = new VEvent(r.due(), what);
      event.replace(new DtStamp(stamp));
      event.add(new Uid("loan-" + r.loanId() + "-" + r.period() + "@dunshield"));
      event.add(new Description(what));
      VAlarm alarm = new VAlarm(Duration.ofDays(-daysAhead));
      alarm.add(ImmutableAction.DISPLAY);
      alarm.add(new Description(what));
      event.add(alarm);
      calendar.add(event);
    }
    return calendar;
  }

  public static void write(Calendar calendar, Writer out) throws IOException {
    try {
      new CalendarOutputter(true).output(calendar, out);
    } catch (ValidationException e) {
      throw new IllegalStateException("invalid calendar: " + e.getMessage(), e);
    }
  }

  private static String text(Reminder r, Language lang) {
    String lender = r.lender().isEmpty() ? "" : r.lender() + " ";
    return lang == Language.ZH
        ? "还款提醒：" + lender + "第" + r.period() + "期 " + Money.format(r.amount()) + " " + r.currency()
        : "Loan repayment due: " + lender + "instalment " + r.period() + ", "
            + Money.format(r.amount()) + " " + r.currency();
  }
}
