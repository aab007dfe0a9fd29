package org.dunshield.server;

import java.util.List;
import org.dunshield.core.history.HistoryEntry;

/**
 * The minimal page: what Dunshield decided recently and why. Every stored string (numbers, SMS text,
 * reasons) is attacker-controlled and HTML-escaped.
 */
final class HomePage {
  private HomePage() {}

  static String render(List<HistoryEntry> recent, String language) {
    boolean zh = language.startsWith("zh");
    StringBuilder html = new StringBuilder(4096);
    html.append("<!doctype html><html lang=\"").append(zh ? "zh-CN" : "en").append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Dunshield</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}")
        .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}")
        .append(".block{color:#b00020}.silence{color:#a06000}.allow{color:#1b5e20}</style></head><body>")
        .append("<h1>Dunshield</h1><p>")
        .append(zh ? "最近的来电和短信，以及处理结果。" : "Recent calls and messages, and what Dunshield decided.")
        .append(" <a href=\"?lang=").append(zh ? "en\">English" : "zh\">中文").append("</a></p>")
        .append("<table><thead><tr><th>").append(zh ? "时间" : "Time").append("</th><th>")
        .append(zh ? "类型" : "Kind").append("</th><th>").append(zh ? "号码" : "Number").append("</th><th>")
        .append(zh ? "结果" : "Verdict").append("</th><th>").append(zh ? "原因" : "Reason").append("</th><th>").append(zh ? "短信内容" : "Message")
        .append("</th></tr></thead><tbody>");
    for (HistoryEntry e : recent) {
      String number = e.event().number() != null ? e.event().number().e164() : e.event().rawNumber();
      String action = e.verdict() == null ? "" : e.verdict().action().code();
      String reason = e.verdict() == null ? "" : e.verdict().reason().in(language);
      html.append("<tr><td>").append(escape(e.event().at().toString())).append("</td><td>")
          .append(escape(e.event().channel().code())).append("</td><td>").append(escape(number.isEmpty() ? (zh ? "隐藏号码" : "hidden") : number))
          .append("</td><td class=\"").append(escape(action)).append("\">").append(escape(action)).append("</td><td>")
          .append(escape(reason)).append("</td><td>")
          .append(escape(e.event() instanceof org.dunshield.core.event.SmsEvent sms ? sms.body() : ""))
          .append("</td></tr>");
    }
    html.append("</tbody></table></body></html>");
    return html.toString();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
