package org.dunshield.core.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SocialGraphProperties {
  @Property(tries = 300)
  void everyRelationIsSymmetricAndNoOneIsTheirOwnContact(@ForAll @IntRange(min = 20_000, max = 10_000_000) int n,
      @ForAll @IntRange(min = 0, max = 9_999_999) int who, @ForAll long seed) {
    SocialGraph g = new SocialGraph(n, seed);
    int i = who % n;
    int[] contacts = g.contacts(i);
    assertThat(contacts).hasSize(18).doesNotContain(i);
    if (i / SocialGraph.FAMILY * SocialGraph.FAMILY + SocialGraph.FAMILY <= n && n % SocialGraph.TEAM == 0) {
      for (int c : contacts) {
        assertThat(g.contacts(c)).contains(i);
      }
    }
  }
}
