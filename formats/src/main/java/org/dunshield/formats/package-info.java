/**
 * Readers for what phones export: {@link org.dunshield.formats.ImportFile#detect(java.nio.file.Path)}
 * recognises a file from its content and streams it as {@link org.dunshield.core.event.Event events}
 * or {@link org.dunshield.core.contact.Contact contacts} through a
 * {@link org.dunshield.formats.RecordReader}, an iterator a repository can consume inside one
 * transaction. Bad input fails with a {@link org.dunshield.formats.FormatException} naming file,
 * line and field; {@link org.dunshield.formats.ReadOptions} sets limits and a progress listener.
 *
 * <p>Every reader streams: memory does not grow with the file. Nothing here returns or accepts
 * null unless its documentation says so.
 */
package org.dunshield.formats;
