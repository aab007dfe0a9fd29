package org.dunshield.core.evidence;

/**
 * The outcome of verifying an evidence chain. When {@link #intact()}, {@code head} is the last
 * link's hash (the value to quote to a recipient); otherwise {@code brokenAt} is the first bad link
 * and {@code problem} says what is wrong with it. Immutable.
 */
public record Verification(
    boolean intact, long linksChecked, String head, EvidenceLink brokenAt, String problem, long unchainedEvents) {

  static Verification intact(long checked, String head, long unchainedEvents) {
    return new Verification(true, checked, head, null, null, unchainedEvents);
  }

  static Verification broken(long checked, EvidenceLink at, String problem) {
    return new Verification(false, checked, null, at, problem, 0);
  }

  /** One line for people, in {@code zh} or {@code en}. */
  public String describe(String language) {
    boolean zh = "zh".equals(language);
    if (intact) {
      String s = zh ? "证据链完整：已核验 " + linksChecked + " 个环节，链尾哈希 " + head
          : "evidence chain intact: " + linksChecked + " links verified, head " + head;
      if (unchainedEvents > 0) {
        s += zh ? "；另有 " + unchainedEvents + " 条事件尚未入链（下次写入时入链）"
            : "; " + unchainedEvents + " events not yet chained (they are chained on the next write)";
      }
      return s;
    }
    return (zh ? "证据链在第 " + brokenAt.seq() + " 环断裂（" : "evidence chain broken at link " + brokenAt.seq() + " (")
        + brokenAt.kind().code() + " " + brokenAt.ref() + (zh ? "）：" : "): ") + problem;
  }
}
