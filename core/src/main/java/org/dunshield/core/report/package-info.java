/**
 * The content of an evidence report, independent of its rendering: {@link
 * org.dunshield.core.report.CaseReport} holds the summary figures, the chart series, the full
 * timeline, the attachments' manifest and the chain verification; {@link
 * org.dunshield.core.report.ReportText} its headings in Chinese and English; {@link
 * org.dunshield.core.report.Guidance} the rights-and-consequences page every report links to.
 * Conduct-rule violations enter through {@link org.dunshield.core.report.ConductFindings}.
 */
package org.dunshield.core.report;
