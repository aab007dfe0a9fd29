/**
 * Renders a {@link org.dunshield.core.report.CaseReport} as PDF (with a CJK font embedded), HTML,
 * CSV or JSON, and a {@link org.dunshield.core.complaint.Complaint} as PDF or text. Every export is
 * written to a temporary file and moved into place ({@link org.dunshield.report.Exports}), so a
 * failed export leaves no partial file. The entry point is {@link org.dunshield.report.Reports}.
 */
package org.dunshield.report;
