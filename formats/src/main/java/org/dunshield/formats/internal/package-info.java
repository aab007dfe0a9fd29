/**
 * Machinery the readers share: a metered input stream that enforces the size limit and reports
 * progress, the read-ahead base of every {@link org.dunshield.formats.RecordReader}, and a small
 * number cache. Not API: it may change without notice.
 */
package org.dunshield.formats.internal;
