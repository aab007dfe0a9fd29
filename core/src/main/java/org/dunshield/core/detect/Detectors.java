package org.dunshield.core.detect;

import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.screen.Check;

/**
 * The detectors as screening checks, for {@code Screener.standard(extra)}. Priorities sit between
 * the service-number check (800) and the repeat-caller exception (500), so an attack suspends the
 * exception while contacts (900), allowed numbers and services still get through:
 *
 * <pre>
 *   740  call-bombing   block every untrusted caller while under attack       call_bombing
 *   730  sms-bombing    silence (never block) codes while under attack        sms_bombing
 *   700  redial         block past the daily limit per number or block        debt_collection
 *   680  one-ring       silence unknown international callers, advise         one_ring
 *   650  sms-content    classifier: block threats, collection, fraud;         (its category)
 *                       silence marketing
 *    50  label          name what gets through by default: repeated calls     debt_collection,
 *                       below the limit, verification codes                   verification_code
 * </pre>
 *
 * <p>All of them read their past through {@code RecentActivity}, so live screening (the stored
 * history) and replay (an in-memory one) decide alike.
 */
public final class Detectors {
  public static final int CALL_BOMBING = 740;
  public static final int SMS_BOMBING = 730;
  public static final int REDIAL = 700;
  public static final int ONE_RING = 680;
  public static final int SMS_CONTENT = 650;
  public static final int LABEL = 50;

  private Detectors() {}

  /** The enabled detectors with the shipped SMS classifier. */
  public static List<Check> checks(DetectionSettings settings) {
    return checks(settings, SmsClassifier.standard());
  }

  /** The enabled detectors with {@code classifier}. */
  public static List<Check> checks(DetectionSettings settings, SmsClassifier classifier) {
    List<Check> checks = new ArrayList<>();
    if (settings.callBombing().enabled()) {
      checks.add(new CallBombingCheck(settings.callBombing()));
    }
    if (settings.smsBombing().enabled()) {
      checks.add(new SmsBombingCheck(settings.smsBombing(), classifier));
    }
    if (settings.redial().enabled()) {
      checks.add(new RedialCheck(settings.redial()));
    }
    if (settings.oneRing()) {
      checks.add(new OneRingCheck());
    }
    if (settings.smsContent()) {
      checks.add(new SmsContentCheck(classifier, settings.smsPolicy()));
    }
    checks.add(new LabelCheck(settings.redial(), classifier));
    return List.copyOf(checks);
  }
}
