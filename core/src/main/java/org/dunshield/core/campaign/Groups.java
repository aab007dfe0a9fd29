package org.dunshield.core.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dunshield.core.event.SmsEvent;
import org.dunshield.core.history.HistoryEntry;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.screen.Category;

/** Union-find over numbers, remembering the links that joined them. Not thread-safe. */
final class Groups {
  private final Map<PhoneNumber, Integer> index = new LinkedHashMap<>();
  private final List<PhoneNumber> numbers = new ArrayList<>();
  private final List<Integer> parent = new ArrayList<>();
  private final List<Link> links = new ArrayList<>();

  void add(PhoneNumber n) {
    if (!index.containsKey(n)) {
      index.put(n, numbers.size());
      numbers.add(n);
      parent.add(numbers.size() - 1);
    }
  }

  List<PhoneNumber> numbers() {
    return List.copyOf(numbers);
  }

  void link(Link link) {
    links.add(link);
    int first = find(index.get(link.numbers().get(0)));
    for (PhoneNumber n : link.numbers()) {
      int other = find(index.get(n));
      if (other != first) {
        parent.set(Math.max(first, other), Math.min(first, other));
        first = Math.min(first, other);
      }
    }
  }

  private int find(int i) {
    while (parent.get(i) != i) {
      parent.set(i, parent.get(parent.get(i)));
      i = parent.get(i);
    }
    return i;
  }

  List<Campaign> campaigns(List<HistoryEntry> entries, Map<PhoneNumber, Set<Category>> categories) {
    Map<Integer, List<PhoneNumber>> members = new LinkedHashMap<>();
    for (PhoneNumber n : numbers) {
      members.computeIfAbsent(find(index.get(n)), r -> new ArrayList<>()).add(n);
    }
    List<Campaign> found = new ArrayList<>();
    for (List<PhoneNumber> group : members.values()) {
      if (group.size() < 2) {
        continue;
      }
      int root = find(index.get(group.get(0)));
      int calls = 0;
      int messages = 0;
      Instant first = null;
      Instant last = null;
      for (HistoryEntry e : entries) {
        if (group.contains(e.event().number())) {
          if (e.event() instanceof SmsEvent) {
            messages++;
          } else {
            calls++;
          }
          first = first == null ? e.event().at() : first;
          last = e.event().at();
        }
      }
      Set<Category> cats = EnumSet.noneOf(Category.class);
      group.forEach(n -> cats.addAll(categories.getOrDefault(n, Set.of())));
      List<Link> joined = links.stream().filter(l -> find(index.get(l.numbers().get(0))) == root).toList();
      found.add(new Campaign("", group.stream().sorted().toList(), joined, calls, messages, first, last,
          List.copyOf(cats)));
    }
    found.sort(Comparator.comparing(Campaign::firstSeen).thenComparing(c -> c.numbers().get(0)));
    List<Campaign> out = new ArrayList<>();
    for (Campaign c : found) {
      out.add(new Campaign("campaign-" + (out.size() + 1), c.numbers(), c.links(), c.calls(), c.messages(),
          c.firstSeen(), c.lastSeen(), c.categories()));
    }
    return out;
  }
}
