package org.dunshield.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dunshield.core.screen.Category;
import org.junit.jupiter.api.Test;

class CorpusTest {
  @Test
  void readsEverySetWithItsLabels() {
    Map<String, Map<Category, Long>> counts = SharedData.samples().stream().collect(Collectors.groupingBy(
        Sample::source, Collectors.groupingBy(Sample::label, Collectors.counting())));

    assertThat(counts.get(Corpus.UCI)).containsEntry(Category.NORMAL, 4827L).containsEntry(Category.MARKETING, 747L);
    assertThat(counts.get(Corpus.COLLECTION_ZH)).hasSize(6).allSatisfy((c, n) -> assertThat(n).isEqualTo(700L));
    assertThat(counts.get(Corpus.FBS)).containsOnlyKeys(Category.MARKETING, Category.FRAUD);
  }

  @Test
  void holdsOutAboutAFifthOfEachSet() {
    for (String source : List.of(Corpus.UCI, Corpus.COLLECTION_ZH, Corpus.FBS)) {
      List<Sample> set = SharedData.samples().stream().filter(s -> s.source().equals(source)).toList();
      double share = set.stream().filter(Sample::heldOut).count() / (double) set.size();
      assertThat(share).as(source).isBetween(0.17, 0.23);
    }
  }

  @Test
  void theSplitDependsOnTheTextAloneSoDuplicatesNeverStraddleIt() {
    Map<String, List<Boolean>> sides = SharedData.samples().stream().filter(s -> !s.source().equals(Corpus.FBS))
        .collect(Collectors.groupingBy(Sample::text, Collectors.mapping(Sample::heldOut, Collectors.toList())));

    assertThat(sides.values()).allSatisfy(list -> assertThat(list).containsOnly(list.get(0)));
    assertThat(Corpus.heldOut("Ok lar... Joking wif u oni...")).isEqualTo(Corpus.heldOut("Ok lar... Joking wif u oni..."));
  }

  @Test
  void fbsPlaceholdersBecomeTextOfTheSameShape() {
    assertThat(Corpus.fromFbs("详询 何 经理 CELLPHONE 点击 URL 送 DIGIT 万 NAME 积分"))
        .isEqualTo("详询 何 经理  13800000000  点击  http://t.cn/x  送  8  万   积分");
  }
}
