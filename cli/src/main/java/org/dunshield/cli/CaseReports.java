package org.dunshield.cli;

import org.dunshield.core.evidence.Case;
import org.dunshield.core.report.CaseReport;
import org.dunshield.core.report.ConductFindings;
import org.dunshield.server.evidence.CaseDesk;
import org.dunshield.store.EvidenceStore;

/**
 * Wiring for the evidence commands: the {@link CaseDesk} of the application's data directory (shared
 * with {@code serve}'s {@code /api/v1/cases}), finding a case by id or name, and building its report.
 * Conduct-rule violations come from {@link #CONDUCT}, which is {@link ConductFindings#NONE} until
 * the conduct analysis exists ({@code org.dunshield.core.conduct}): plug an adapter in here. Stateless.
 */
final class CaseReports {
  /** Where violations come from: the extension point for the conduct analysis. */
  static final ConductFindings CONDUCT = ConductFindings.NONE;

  private CaseReports() {}

  /** Cases, reports and complaints of the application's data directory. */
  static CaseDesk desk(App app) {
    return CaseDesk.ofDataDirectory(app.database(), app.dataDir(), app.clock(), CONDUCT);
  }

  static EvidenceStore evidence(App app) {
    return desk(app).evidence();
  }

  static Case find(App app, String idOrName) {
    return desk(app).find(idOrName);
  }

  /** The report of a case in {@code language} ({@code zh} or {@code en}), with the chain verified now. */
  static CaseReport build(App app, Case kase, String language) {
    return desk(app).report(kase, language);
  }

  /** {@code option} when given (zh or en), else the application's language. */
  static String language(App app, String option) {
    return option == null ? app.language() : App.language(option);
  }
}
