package org.dunshield.core.evidence;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One owner's cases and their attachments. Implementations are thread-safe. */
public interface CaseRepository {
  /**
   * Stores a new case; returns it with its id.
   *
   * @throws IllegalArgumentException when the owner already has a case of that name
   */
  Case create(Case draft);

  /** Every case, oldest first. */
  List<Case> list();

  /** The case with this id (all digits) or name. */
  Optional<Case> find(String idOrName);

  /**
   * Copies {@code file} into the content-addressed attachment store, records it for the case and
   * chains it in the evidence log, all or nothing.
   *
   * @throws IllegalArgumentException when the file is missing, unreadable, not a regular file or too large
   */
  Attachment attach(long caseId, Path file);

  /** The attachments of a case, in the order they were added. */
  List<Attachment> attachments(long caseId);

  /** The stored bytes of an attachment; the caller closes the stream. */
  InputStream open(Attachment attachment);
}
