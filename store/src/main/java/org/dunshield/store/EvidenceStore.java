package org.dunshield.store;

import java.nio.file.Path;
import java.time.Clock;
import org.dunshield.core.evidence.CaseRepository;
import org.dunshield.core.evidence.EvidenceLog;

/**
 * Cases, attachments and the evidence log of one owner, on a {@link Database}. Attachment bytes
 * live in a directory of their own (normally {@code attachments} in the data directory), also when
 * the database is PostgreSQL. Thread-safe; valid until the database is closed.
 *
 * <pre>{@code
 * EvidenceStore evidence = EvidenceStore.of(db, dataDir.resolve("attachments"), clock);
 * Case c = evidence.cases().create(new Case(0, "某某金融", numbers, null, null, clock.instant()));
 * Verification v = evidence.log().verify();
 * }</pre>
 */
public final class EvidenceStore {
  /** The attachments directory's name inside a data directory. */
  public static final String ATTACHMENTS = "attachments";

  private final Database db;
  private final AttachmentFiles files;
  private final Clock clock;
  private final long owner;

  private EvidenceStore(Database db, AttachmentFiles files, Clock clock, long owner) {
    this.db = db;
    this.files = files;
    this.clock = clock;
    this.owner = owner;
  }

  /** The local owner's evidence, attachments kept under {@code attachmentDir}. */
  public static EvidenceStore of(Database db, Path attachmentDir, Clock clock) {
    return new EvidenceStore(db, new AttachmentFiles(attachmentDir), clock, Database.LOCAL_OWNER);
  }

  /** The same store for account {@code ownerId} (positive). */
  public EvidenceStore forOwner(long ownerId) {
    db.forOwner(ownerId); // validates the id
    return new EvidenceStore(db, files, clock, ownerId);
  }

  public CaseRepository cases() {
    return new CaseTable(db.sql(), owner, files, clock);
  }

  public EvidenceLog log() {
    return new EvidenceTable(db.sql(), owner, files);
  }
}
