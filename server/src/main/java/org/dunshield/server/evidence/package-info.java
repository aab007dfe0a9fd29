/**
 * Evidence over HTTP, under {@code /api/v1/cases} and {@code /api/v1/evidence}: {@link
 * org.dunshield.server.evidence.CaseDesk} (finding cases, building reports and complaint drafts),
 * {@link org.dunshield.server.evidence.EvidenceJson} (the JSON documents, which the CLI prints too)
 * and {@link org.dunshield.server.evidence.EvidenceApi} (the routes).
 */
package org.dunshield.server.evidence;
