package org.dunshield.core.report;

/** The fixed wording of reports, in Chinese and English. */
public enum ReportText {
  TITLE("骚扰证据报告", "Harassment evidence report"),
  CASE("案件", "Case"),
  NUMBERS("涉及号码", "Numbers"),
  ANY_NUMBER("全部号码", "any number"),
  PERIOD("时间范围", "Period"),
  OPEN("不限", "open"),
  GENERATED("生成时间", "Generated"),
  TIMEZONE("时区", "Time zone"),
  SUMMARY("概要", "Summary"),
  EVENTS("事件总数", "Events"),
  CALLS("通话", "Calls"),
  INCOMING_CALLS("来电", "Incoming calls"),
  MISSED_CALLS("未接或拒接来电", "Missed or rejected calls"),
  SMS("短信", "SMS"),
  INCOMING_SMS("收到的短信", "Incoming SMS"),
  DISTINCT_NUMBERS("不同号码数", "Distinct numbers"),
  QUIET_HOUR_CALLS("22:00至08:00的来电", "Incoming calls between 22:00 and 08:00"),
  FIRST("最早事件", "First event"),
  LAST("最晚事件", "Last event"),
  BUSIEST_DAY("来电最多的一天", "Busiest day"),
  EMPTY_CASE("本案件目前没有任何通话或短信记录。报告有效，但没有可作为证据的事件。",
      "This case has no calls or SMS yet. The report is valid but contains no events to serve as evidence."),
  CHART_PER_DAY("每日来电数", "Incoming calls per day"),
  CHART_BY_HOUR("按时段的来电数（阴影为 22:00-08:00 禁止催收时段）",
      "Incoming calls by hour of day (shaded: 22:00-08:00, when collection calls are forbidden)"),
  CHART_TOP("来电和短信最多的号码", "Numbers with the most calls and SMS"),
  TIMELINE("完整时间线", "Full timeline"),
  COL_TIME("时间", "Time"),
  COL_KIND("类型", "Kind"),
  COL_NUMBER("号码", "Number"),
  COL_DETAIL("详情", "Detail"),
  COL_VERDICT("处理", "Verdict"),
  COL_COUNT("次数", "Count"),
  SMS_TEXTS("短信原文（未经编辑）", "SMS texts (unedited)"),
  FROM("发送方", "From"),
  TO("接收方", "To"),
  VIOLATIONS("违反催收规范的行为", "Conduct-rule violations"),
  NO_VIOLATIONS("未发现违反催收规范的行为。", "No conduct-rule violations were found."),
  NO_CONDUCT_ANALYSIS("本报告未进行催收规范分析；时段分布图显示了禁止时段内的来电。",
      "No conduct-rule analysis was run for this report; the hour-of-day chart shows calls in forbidden hours."),
  RULE("规范", "Rule"),
  MANIFEST("文件清单（SHA-256）", "Manifest (SHA-256)"),
  MANIFEST_NOTE("接收方可用 sha256sum 等工具重新计算每个附件的 SHA-256，与此清单比对，以确认文件未被修改。",
      "Recipients can recompute each attachment's SHA-256 (for example with sha256sum) and compare it with this list to check that nothing was changed."),
  NO_ATTACHMENTS("本案件没有附件。", "This case has no attachments."),
  FILE("文件", "File"),
  SIZE("大小（字节）", "Size (bytes)"),
  CHAIN("证据链", "Evidence chain"),
  GUIDANCE("您的权利与逾期的真实后果", "Your rights and the real consequences of default"),
  GUIDANCE_LINK("另见本报告末尾“您的权利与逾期的真实后果”。", "See also \"Your rights and the real consequences of default\" at the end of this report."),
  CALL("电话", "call"),
  SMS_KIND("短信", "SMS"),
  INCOMING("呼入", "in"),
  OUTGOING("呼出", "out"),
  HIDDEN("隐藏号码", "hidden"),
  SECONDS("秒", "s"),
  IMPORTED("（导入）", "(imported)");

  private final String zh;
  private final String en;

  ReportText(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String in(String language) {
    return "zh".equals(language) ? zh : en;
  }
}
