package org.dunshield.core.detect;

import java.time.Instant;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.event.Channel;
import org.dunshield.core.event.Event;
import org.dunshield.core.number.NumberKind;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.rule.RuleMatch;
import org.dunshield.core.screen.Action;
import org.dunshield.core.screen.ScreeningContext;
import org.dunshield.core.settings.Settings;

/**
 * Who the detectors (and the analyses) leave alone and never count: contacts, emergency numbers,
 * service and government numbers (when service-allow is on) and numbers a user rule allows.
 * Immutable; thread-safe when the rule book is.
 */
public record Trust(ContactBook contacts, RuleBook rules, Settings settings) {
  public Trust {
    java.util.Objects.requireNonNull(contacts, "contacts");
    java.util.Objects.requireNonNull(rules, "rules");
    java.util.Objects.requireNonNull(settings, "settings");
  }

  static Trust of(ScreeningContext context) {
    return new Trust(context.contacts(), context.rules(), context.settings());
  }

  /** Whether {@code number} (null when hidden: never trusted) is trusted on {@code channel} at {@code at}. */
  public boolean trusted(PhoneNumber number, Channel channel, Instant at) {
    if (number == null) {
      return false;
    }
    if (contacts.contains(number)) {
      return true;
    }
    NumberKind kind = number.kind();
    if (kind == NumberKind.EMERGENCY
        || (settings.serviceAllow() && (kind == NumberKind.SERVICE || kind == NumberKind.GOVERNMENT))) {
      return true;
    }
    RuleMatch match = rules.match(number, channel, at, settings.timezone());
    return match != null && match.action() == Action.ALLOW;
  }

  /** Whether the other party of {@code event} is trusted. */
  public boolean trusted(Event event) {
    return trusted(event.number(), event.channel(), event.at());
  }

  /** The key of a caller or sender for counting distinct sources: its digits, a hash of a sender ID, or 0 when hidden. */
  static long source(Event event) {
    if (event.number() != null) {
      return event.number().digits();
    }
    String raw = event.rawNumber();
    return raw.isEmpty() ? 0 : (1L << 62) | (raw.hashCode() & 0xffffffffL);
  }
}
