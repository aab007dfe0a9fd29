package org.dunshield.core.screen;

import java.util.List;

/**
 * The built-in checks and their priorities (higher runs first). Detectors and reputation added by
 * later features slot in between: above the repeat-caller exception (500), below service numbers
 * (800), so a known service is never mistaken for spam and an attack suspends the exception.
 */
final class StandardChecks {
  static final int USER_RULE = 1000;
  static final int EMERGENCY = 950;
  static final int CONTACT = 900;
  static final int DIALLED = 850;
  static final int SERVICE = 800;
  static final int REPEAT_CALLER = 500;
  static final int HIDDEN_CALLER = 200;
  static final int MODE = 100;

  private StandardChecks() {}

  static List<Check> all() {
    return List.of(new UserRuleCheck(), new EmergencyCheck(), new ContactCheck(), new DialledCheck(),
        new ServiceNumberCheck(), new RepeatCallerCheck(), new HiddenCallerCheck(), new ModeCheck());
  }
}
