/**
 * CSV call logs, for phones and tools without SMS Backup &amp; Restore.
 *
 * <p>Layout: RFC 4180 CSV in UTF-8 (a byte-order mark is allowed), comma-separated, fields quoted
 * with {@code "} when they hold commas, quotes or line breaks. The first row is a header naming the
 * columns, in any order and any case; unknown columns are ignored:
 *
 * <pre>
 * number,date,type,duration,presentation,name
 * 13800138000,2026-10-12T08:40:00+08:00,incoming,95,,爸爸
 * 17188880001,1791767400000,missed,0,,
 * ,2026-10-13 09:00:00,missed,,restricted,
 * </pre>
 *
 * <ul>
 *   <li>{@code number} (required): as written; empty (or {@code -1}, {@code -2}, {@code -3}) for a
 *       hidden caller.
 *   <li>{@code date} (required; alias {@code time}): ISO-8601 with offset, or without offset in
 *       the options' zone (a space may stand for the {@code T}), or epoch milliseconds.
 *   <li>{@code type} (required): incoming (or answered), outgoing, missed, voicemail, rejected,
 *       blocked (or refused), or SMS Backup &amp; Restore's codes 1–6.
 *   <li>{@code duration}: whole seconds; empty means 0.
 *   <li>{@code presentation}: allowed, restricted, unknown, payphone (or 1–4); empty means allowed,
 *       or what a hidden number implies.
 *   <li>{@code name} (alias {@code contact_name}): what the phone showed.
 * </ul>
 *
 * Every row needs as many fields as the header; blank rows are ignored. Errors name file, line
 * and field.
 */
package org.dunshield.formats.calllog;
