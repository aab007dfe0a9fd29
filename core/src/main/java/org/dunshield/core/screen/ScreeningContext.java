package org.dunshield.core.screen;

import java.util.Objects;
import org.dunshield.core.contact.ContactBook;
import org.dunshield.core.history.RecentActivity;
import org.dunshield.core.rule.RuleBook;
import org.dunshield.core.settings.Settings;

/**
 * Everything the checks may read while screening: the settings, the compiled rules, the contacts
 * and the recent history. Immutable; thread-safe when {@code history} is.
 */
public record ScreeningContext(Settings settings, RuleBook rules, ContactBook contacts, RecentActivity history) {
  public ScreeningContext {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(contacts, "contacts");
    Objects.requireNonNull(history, "history");
  }
}
