/**
 * Harassment detectors: call bombing, SMS bombing, collector redial, one-ring calls and SMS content,
 * as screening checks ({@link org.dunshield.core.detect.Detectors}) and as a streaming per-callee
 * detector with bounded memory ({@link org.dunshield.core.detect.BurstDetector}); attack incidents
 * found in a history ({@link org.dunshield.core.detect.Incidents}). Everything runs on event time:
 * no check reads the wall clock.
 */
package org.dunshield.core.detect;
