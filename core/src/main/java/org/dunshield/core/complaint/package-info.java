/**
 * Complaint drafts, one per channel of domain notes §5 ({@link
 * org.dunshield.core.complaint.ComplaintChannel}): the facts each channel requires ({@link
 * org.dunshield.core.complaint.Fact}) are filled from a case report and from what the user
 * supplies; {@link org.dunshield.core.complaint.Complaints#draft} refuses with every missing fact
 * listed ({@link org.dunshield.core.complaint.MissingFactsException}) rather than leave a blank.
 */
package org.dunshield.core.complaint;
