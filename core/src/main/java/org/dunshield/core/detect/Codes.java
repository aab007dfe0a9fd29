package org.dunshield.core.detect;

import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.classify.VerificationCodes;
import org.dunshield.core.screen.Category;

/** Whether a message is a verification code: the code pattern, or the classifier says so. */
record Codes(SmsClassifier classifier) {
  boolean isCode(String text) {
    return VerificationCodes.looksLikeCode(text) || classifier.classify(text).category() == Category.VERIFICATION_CODE;
  }
}
