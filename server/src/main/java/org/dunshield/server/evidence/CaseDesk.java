package org.dunshield.server.evidence;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dunshield.core.complaint.Complaint;
import org.dunshield.core.complaint.ComplaintChannel;
import org.dunshield.core.complaint.Complaints;
import org.dunshield.core.complaint.Fact;
import org.dunshield.core.evidence.Case;
import org.dunshield.core.evidence.Verification;
import org.dunshield.core.report.CaseReport;
import org.dunshield.core.report.ConductFindings;
import org.dunshield.core.settings.Settings;
import org.dunshield.store.Database;
import org.dunshield.store.EvidenceStore;

/**
 * Cases, reports and complaint drafts of the local owner on one database: the one place the CLI
 * commands ({@code case}, {@code report}, {@code complain}, {@code evidence}) and {@link EvidenceApi}
 * find a case, build its report and draft a complaint. Settings (time zone, {@code own-number}) are
 * read on every call, so a running server sees {@code settings set}. Thread-safe.
 */
public final class CaseDesk {
  private final Database db;
  private final Path attachments;
  private final Clock clock;
  private final ConductFindings conduct;
  private final long owner;

  /**
   * @param attachments where attachment files live (normally {@code DATA/attachments})
   * @param conduct where conduct-rule violations come from ({@link ConductFindings#NONE}: no analysis ran)
   */
  public CaseDesk(Database db, Path attachments, Clock clock, ConductFindings conduct) {
    this.db = Objects.requireNonNull(db, "db");
    this.attachments = Objects.requireNonNull(attachments, "attachments");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.conduct = Objects.requireNonNull(conduct, "conduct");
    this.owner = Database.LOCAL_OWNER;
  }

  private CaseDesk(CaseDesk of, long owner) {
    this.db = of.db;
    this.attachments = of.attachments;
    this.clock = of.clock;
    this.conduct = of.conduct;
    this.owner = owner;
  }

  /** The same desk for account {@code ownerId}: its cases, history, settings and evidence chain only. */
  public CaseDesk forOwner(long ownerId) {
    db.forOwner(ownerId); // validates the id
    return new CaseDesk(this, ownerId);
  }

  /** The desk of a data directory: attachments in {@code dataDir/attachments}. */
  public static CaseDesk ofDataDirectory(Database db, Path dataDir, Clock clock, ConductFindings conduct) {
    return new CaseDesk(db, dataDir.resolve(EvidenceStore.ATTACHMENTS), clock, conduct);
  }

  public EvidenceStore evidence() {
    return EvidenceStore.of(db, attachments, clock).forOwner(owner);
  }

  public Clock clock() {
    return clock;
  }

  public Settings settings() {
    return db.forOwner(owner).settings().load();
  }

  public ZoneId zone() {
    return settings().timezone();
  }

  public List<Case> list() {
    return evidence().cases().list();
  }

  /** Stores a new case; an invalid or duplicate name throws {@link IllegalArgumentException}. */
  public Case create(Case draft) {
    return evidence().cases().create(draft);
  }

  /** The case with this id (all digits) or name; {@link UnknownCaseException} when there is none. */
  public Case find(String idOrName) {
    return evidence().cases().find(idOrName).orElseThrow(() -> new UnknownCaseException(idOrName));
  }

  /** The report of a case in {@code language} ({@code zh} or {@code en}), with the chain verified now. */
  public CaseReport report(Case kase, String language) {
    EvidenceStore evidence = evidence();
    return CaseReport.build(kase, db.forOwner(owner).history().list(kase.from(), kase.to()),
        evidence.cases().attachments(kase.id()), evidence.log().verify(), conduct, zone(),
        language, clock.instant());
  }

  /**
   * A complaint draft to {@code channel}. {@code facts} maps fact codes ({@code name},
   * {@code institution}, ...) to values; facts derived from the case are refused; {@code own-number}
   * defaults to the setting. Missing required facts throw {@link
   * org.dunshield.core.complaint.MissingFactsException} listing all of them.
   */
  public Complaint complaint(Case kase, ComplaintChannel channel, Map<String, String> facts, String language) {
    Map<Fact, String> given = new EnumMap<>(Fact.class);
    facts.forEach((k, v) -> {
      Fact f = Fact.fromCode(k);
      if (f.derived()) {
        throw new IllegalArgumentException("fact '" + k + "' comes from the case and cannot be given");
      }
      given.put(f, v);
    });
    String own = settings().ownNumber();
    if (!own.isEmpty()) {
      given.putIfAbsent(Fact.OWN_NUMBER, own);
    }
    return Complaints.draft(channel, report(kase, language), given);
  }

  /** Recomputes the evidence chain. */
  public Verification verify() {
    return evidence().log().verify();
  }

  /** No case has this id or name. */
  public static final class UnknownCaseException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownCaseException(String idOrName) {
      super("no case '" + idOrName + "'; see dunshield case list");
    }
  }
}
