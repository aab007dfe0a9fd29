package org.dunshield.server.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dunshield.core.classify.SmsClassifier;
import org.dunshield.core.number.NumberParser;
import org.dunshield.core.number.PhoneNumber;
import org.dunshield.core.reputation.Reputation;
import org.dunshield.core.reputation.Reputations;
import org.dunshield.core.screen.Category;
import org.dunshield.server.account.Guard;
import org.dunshield.server.account.Principal;
import org.dunshield.store.Database;

/**
 * {@code /reputation}: look a number up in the community reputation (label, score, confidence,
 * reporters and the reports per category), and report it. The reputation is shared by every
 * account by design (it is the community's); a web report is made as {@code local} in single-user
 * mode, else as reporter {@code account-ID}, which the reputation's own limits and trust apply to.
 */
final class ReputationPage {
  private final Web web;
  private final Reputations reputations;

  ReputationPage(Web web, Reputations reputations) {
    this.web = web;
    this.reputations = reputations;
  }

  void show(Context ctx) {
    show(ctx, 200, null);
  }

  private void show(Context ctx, int status, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("enabled", reputations != null);
    model.put("error", error);
    model.put("categories", SmsClassifier.CATEGORIES.stream().map(Category::code).toList());
    String typed = ctx.queryParam("number");
    if (typed == null) {
      typed = ctx.formParam("number");
    }
    model.put("number", typed == null ? "" : typed);
    if (reputations != null && typed != null && !typed.isBlank() && error == null) {
      try {
        PhoneNumber number = parser(ctx).parse(typed.strip());
        Reputation r = reputations.lookup(number);
        Map<String, Object> m = new HashMap<>();
        m.put("number", number.e164());
        m.put("category", r.category() == null ? null : r.category().code());
        m.put("score", String.format(java.util.Locale.ROOT, "%.2f", r.score()));
        m.put("confidence", String.format(java.util.Locale.ROOT, "%.2f", r.confidence()));
        m.put("reporters", r.reporters());
        m.put("source", r.source().code());
        m.put("disputed", r.disputed());
        m.put("reports", r.categories().entrySet().stream()
            .map(e -> Map.of("category", e.getKey().code(), "count", e.getValue())).toList());
        model.put("result", m);
      } catch (IllegalArgumentException e) {
        model.put("error", e.getMessage());
        status = 400;
      }
    }
    web.render(ctx, status, "reputation", "reputation", model);
  }

  void report(Context ctx) {
    if (reputations == null) {
      throw new NotFound();
    }
    try {
      PhoneNumber number = parser(ctx).parse(required(ctx, "number"));
      Category category = Category.fromCode(required(ctx, "category"));
      String comment = Web.form(ctx, "comment");
      reputations.report(number, category, comment == null ? "" : comment, reporter(ctx));
      Web.done(ctx, "/reputation?number=" + java.net.URLEncoder.encode(number.e164(),
          java.nio.charset.StandardCharsets.UTF_8), "reported", number.e164());
    } catch (IllegalArgumentException e) { // ReportRefusedException included
      show(ctx, 400, e.getMessage());
    }
  }

  private NumberParser parser(Context ctx) {
    return NumberParser.forRegion(web.workspace(ctx).repositories().settings().load().region());
  }

  private static String reporter(Context ctx) {
    Principal p = Guard.principal(ctx);
    return p.owner() == Database.LOCAL_OWNER && p.via() == Principal.Via.LOCAL ? Reputations.LOCAL_REPORTER
        : "account-" + p.owner();
  }

  private static String required(Context ctx, String field) {
    String v = Web.form(ctx, field);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(field + ": required");
    }
    return v;
  }

}
