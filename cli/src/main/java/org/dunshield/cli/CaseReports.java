package org.dunshield.cli;

import java.nio.file.Path;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.report.CaseReport;
import org.dunshield.core.report.ConductFindings;
import org.dunshield.store.EvidenceStore;

/**
 * Wiring for the evidence commands: the evidence store of the application's data directory, finding
 * a case by id or name, and building its report. Conduct-rule violations come from {@link
 * #CONDUCT}, which is {@link ConductFindings#NONE} until the conduct analysis exists
 * ({@code org.dunshield.core.conduct}): plug an adapter in here. Stateless.
 */
final class CaseReports {
  /** Where violations come from: the extension point for the conduct analysis. */
  static final ConductFindings CONDUCT = ConductFindings.NONE;

  private CaseReports() {}

  static EvidenceStore evidence(App app) {
    Path attachments = app.dataDir().resolve(EvidenceStore.ATTACHMENTS);
    return EvidenceStore.of(app.database(), attachments, app.clock());
  }

  static Case find(App app, String idOrName) {
    return evidence(app).cases().find(idOrName)
        .orElseThrow(() -> new IllegalArgumentException("no case '" + idOrName + "'; see dunshield case list"));
  }

  /** The report of a case in {@code language} ({@code zh} or {@code en}), with the chain verified now. */
  static CaseReport build(App app, Case kase, String language) {
    EvidenceStore evidence = evidence(app);
    return CaseReport.build(kase, app.database().history().list(kase.from(), kase.to()),
        evidence.cases().attachments(kase.id()), evidence.log().verify(), CONDUCT, app.settings().timezone(),
        language, app.clock().instant());
  }

  /** {@code option} when given (zh or en), else the application's language. */
  static String language(App app, String option) {
    return option == null ? app.language() : App.language(option);
  }
}
