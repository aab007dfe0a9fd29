package org.dunshield.cli.loan;

import java.io.PrintWriter;
import org.dunshield.core.loan.CapCheck;
import org.dunshield.core.loan.Contract;
import org.dunshield.core.loan.Instalment;
import org.dunshield.core.loan.Money;
import org.dunshield.core.loan.PrincipalRecomputation;
import org.dunshield.core.loan.Schedule;
import org.dunshield.core.loan.TrueCost;

/** The human-readable output of the loan commands. */
final class Tables {
  private Tables() {}

  static void schedule(PrintWriter out, Schedule s) {
    boolean fees = s.totalFees().signum() > 0;
    out.printf("%6s  %-10s  %12s  %12s  %12s  %s%12s%n", "Period", "Date", "Payment", "Principal",
        "Interest", fees ? String.format("%10s  ", "Fee") : "", "Balance");
    for (Instalment i : s.instalments()) {
      out.printf("%6d  %-10s  %12s  %12s  %12s  %s%12s%n", i.period(), i.date(), m(i.payment()),
          m(i.principal()), m(i.interest()), fees ? String.format("%10s  ", m(i.fee())) : "",
          m(i.balance()));
    }
  }

  static void summary(PrintWriter out, Contract c, Schedule s, TrueCost cost, CapCheck cap,
      PrincipalRecomputation art670) {
    String cur = c.currency().getCurrencyCode();
    out.println();
    out.printf("Total interest   %s %s%n", m(s.totalInterest()), cur);
    if (s.totalFees().signum() > 0 || c.withheld().signum() > 0) {
      out.printf("Fees             %s %s (%s up front)%n", m(s.totalFees().add(c.withheld())), cur,
          m(c.withheld()));
    }
    out.printf("Total repaid     %s %s for %s really received%n", m(s.totalPaid()), cur,
        m(c.netReceived()));
    out.printf("True cost (IRR)  %s %% a year nominal, %s %% effective (%s %% a month)%n",
        cost.nominalPercent(), cost.effectivePercent(), cost.monthlyPercent());
    String limit = cap.cap().limitPercent().toPlainString() + " %"
        + (cap.cap().lprPercent() == null ? "" : " (4 × LPR " + cap.cap().lprPercent() + " %)")
        + (cap.cap().ceilingPercent() == null ? "" : ", unlawful above "
            + cap.cap().ceilingPercent().toPlainString() + " %");
    out.printf("Legal cap        %s: %s%n", cap.cap().rule().code(), limit);
    if (cap.exceedsLimit()) {
      out.printf("                 ABOVE the limit: %s %s more than a court supports%s%n",
          m(cap.excess()), cur, cap.exceedsCeiling()
              ? " (" + m(cap.excessOverCeiling()) + " above the unlawful line)" : "");
    } else {
      out.println("                 within the limit");
    }
    if (art670.applies()) {
      out.printf("Art. 670         on the %s really received you owe %s, not %s: %s less%n",
          m(art670.lawfulPrincipal()), m(art670.lawfulTotal()), m(art670.contractTotal()),
          m(art670.overcharge()));
    }
  }

  /** Pads or cuts {@code s} to {@code width} display columns (CJK characters count as two). */
  static String cell(String s, int width) {
    StringBuilder b = new StringBuilder();
    int used = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int w = Character.isIdeographic(cp) || (cp >= 0xFF00 && cp <= 0xFFEF)
          || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
      if (used + w > width) {
        break;
      }
      b.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return b.append(" ".repeat(Math.max(0, width - used))).toString();
  }

  static String m(java.math.BigDecimal amount) {
    return Money.format(amount);
  }
}
