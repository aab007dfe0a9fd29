/**
 * The append-only record of calls and SMS with their verdicts, the repository port the store
 * implements, and the {@link org.dunshield.core.history.RecentActivity} view the screening checks
 * read (repeat callers, numbers the user dialled).
 */
package org.dunshield.core.history;
