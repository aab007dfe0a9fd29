package org.dunshield.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dunshield.core.history.HistoryEntry;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
  private static final Instant AT = Instant.parse("2026-10-14T02:00:00Z");

  private final List<HistoryEntry> events = List.of(
      Events.missedCall(1, Events.COLLECTOR, "2026-10-13T15:00:00Z"),
      Events.sms(2, Events.COLLECTOR, "2026-10-13T15:01:00Z", Events.THREAT),
      Events.missedCall(3, Events.OTHER, "2026-10-13T16:00:00Z"));

  private List<EvidenceLink> chain() {
    List<EvidenceLink> links = new ArrayList<>();
    EvidenceLink prev = null;
    for (HistoryEntry e : events) {
      prev = EvidenceLink.next(prev, LinkKind.EVENT, e.id(), Chain.eventHash(e), AT);
      links.add(prev);
    }
    return links;
  }

  private static List<ChainVerifier.Observed> observe(List<EvidenceLink> links, List<HistoryEntry> now) {
    List<ChainVerifier.Observed> observed = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      observed.add(new ChainVerifier.Observed(links.get(i), i < now.size() ? Chain.eventHash(now.get(i)) : null));
    }
    return observed;
  }

  @Test
  void anUntouchedChainIsIntactAndEndsInTheLastLinksHash() {
    List<EvidenceLink> links = chain();
    Verification v = ChainVerifier.verify(observe(links, events).iterator(), 0);
    assertThat(v.intact()).isTrue();
    assertThat(v.linksChecked()).isEqualTo(3);
    assertThat(v.head()).isEqualTo(links.get(2).hash());
    assertThat(links.get(0).prevHash()).isEqualTo(Sha256.ZERO);
  }

  @Test
  void oneChangedCharacterOfAnSmsBreaksTheChainAtItsLink() {
    List<HistoryEntry> tampered = new ArrayList<>(events);
    tampered.set(1, Events.sms(2, Events.COLLECTOR, "2026-10-13T15:01:00Z", Events.THREAT.replace("18:00", "19:00")));
    Verification v = ChainVerifier.verify(observe(chain(), tampered).iterator(), 0);
    assertThat(v.intact()).isFalse();
    assertThat(v.brokenAt().seq()).isEqualTo(2);
    assertThat(v.describe("en")).contains("broken at link 2", "event 2 changed");
  }

  @Test
  void anAlteredOrMissingLinkIsNamed() {
    List<EvidenceLink> links = new ArrayList<>(chain());
    EvidenceLink second = links.get(1);
    links.set(1, new EvidenceLink(2, LinkKind.EVENT, 2, Sha256.of("x"), second.prevHash(), second.hash(), AT));
    assertThat(ChainVerifier.verify(observe(links, events).iterator(), 0).brokenAt().seq()).isEqualTo(2);

    List<EvidenceLink> gap = new ArrayList<>(chain());
    gap.remove(1);
    Verification v = ChainVerifier.verify(observe(gap, List.of(events.get(0), events.get(2))).iterator(), 0);
    assertThat(v.problem()).contains("link 2 is missing");
  }

  @Test
  void aDeletedEventIsReportedMissing() {
    Verification v = ChainVerifier.verify(observe(chain(), events.subList(0, 2)).iterator(), 0);
    assertThat(v.brokenAt().seq()).isEqualTo(3);
    assertThat(v.problem()).contains("missing");
  }

  @Test
  void anEmptyChainIsIntact() {
    Verification v = ChainVerifier.verify(List.<ChainVerifier.Observed>of().iterator(), 4);
    assertThat(v.intact()).isTrue();
    assertThat(v.describe("en")).contains("4 events not yet chained");
  }
}
