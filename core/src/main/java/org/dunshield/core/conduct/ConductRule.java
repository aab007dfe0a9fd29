package org.dunshield.core.conduct;

import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;
import org.dunshield.core.event.Channel;
import org.dunshield.core.screen.Category;
import org.dunshield.core.screen.Reason;

/**
 * One rule of a rule set, read from its data file. The kinds are the closed set of checks the
 * analysis knows; their numbers and words come from the file. Immutable.
 */
public sealed interface ConductRule {
  /** The rule's name inside its set ({@code quiet-hours}). */
  String name();

  /** What the rule demands, in Chinese and English. */
  Reason text();

  /** Its kind as written in the file ({@code forbidden-hours}, ...). */
  String kind();

  /** Whether daily or periodic limits count all collectors together or each collector apart. */
  enum Per {
    ALL,
    COLLECTOR
  }

  /** Which calls a daily limit counts. */
  enum Count {
    ALL,
    CONNECTED,
    UNANSWERED
  }

  /** No contact between {@code from} and {@code to} local time (wrapping past midnight when from > to). */
  record ForbiddenHours(String name, Reason text, LocalTime from, LocalTime to, Set<Channel> channels)
      implements ConductRule {
    public ForbiddenHours {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      channels = Set.copyOf(channels);
    }

    @Override
    public String kind() {
      return "forbidden-hours";
    }

    boolean forbidden(LocalTime t) {
      return from.isAfter(to) ? !t.isBefore(from) || t.isBefore(to) : !t.isBefore(from) && t.isBefore(to);
    }
  }

  /** At most {@code max} calls of a kind a calendar day. */
  record CallsPerDay(String name, Reason text, int max, Count count, Per per) implements ConductRule {
    public CallsPerDay {
      if (max < 0) {
        throw new IllegalArgumentException("max must not be negative");
      }
    }

    @Override
    public String kind() {
      return "calls-per-day";
    }
  }

  /** At most {@code max} calls within any {@code days} consecutive calendar days (in the user's time zone). */
  record CallsInPeriod(String name, Reason text, int max, int days, Per per) implements ConductRule {
    public CallsInPeriod {
      if (max < 0 || days < 1) {
        throw new IllegalArgumentException("max must not be negative and days positive");
      }
    }

    @Override
    public String kind() {
      return "calls-in-period";
    }
  }

  /** No call from a collector within {@code days} after a conversation with it. */
  record AfterConversation(String name, Reason text, int days) implements ConductRule {
    @Override
    public String kind() {
      return "after-conversation";
    }
  }

  /** Contact with someone who is not the debtor: banned, allowed once for location, or only when the debtor is unreachable. */
  record ThirdParty(String name, Reason text, Mode mode) implements ConductRule {
    public enum Mode {
      BANNED,
      LOCATION_ONCE,
      CONDITIONAL
    }

    @Override
    public String kind() {
      return "third-party";
    }
  }

  /** No message of these categories (threats, insults, impersonation). */
  record Content(String name, Reason text, Set<Category> categories) implements ConductRule {
    public Content {
      categories = Set.copyOf(categories);
    }

    @Override
    public String kind() {
      return "content";
    }
  }
}
