package org.dunshield.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Writes an SMS Backup &amp; Restore {@code <smses>} file as the Android app does, of about a given
 * size, deterministically from a seed: received and sent SMS (and some drafts, failed messages and
 * MMS) with a few thousand correspondents written in the shapes phones store (mobiles with and
 * without {@code +86}, 106 gateways, 95xxx services, an alphanumeric sender); bodies in Chinese and
 * English with collection threats, verification codes and chat, XML-escaped, with newlines as
 * {@code &#10;} and emoji as numeric references to UTF-16 surrogates ({@code &#55357;&#56842;}) as
 * the app writes them. Not thread-safe.
 */
final class SmsBackupWriter {
  private static final String[] BODIES = {
      "【中国银行】您的验证码为%06d，用于登录手机银行，5分钟内有效，请勿泄露。",
      "【招商银行】您尾号%04d的信用卡本期账单已出，应还金额3,%03d.00元，到期还款日11月20日。",
      "%s先生，您在【快钱花】的借款已逾期%d天，今天下午五点前必须处理，否则我们将联系您的紧急联系人和单位。",
      "再不还钱明天就去你公司，让你同事都知道你是老赖！&#10;最后通牒：%d点前还款 &amp; 截图给我",
      "您好，这里是法务部，您的案件编号%06d已进入诉前调解阶段，请尽快回电 4008-%03d-%03d。",
      "中午一起吃饭吗？&#55357;&#56842; 老地方 %d 点",
      "妈，我到家了，别担心 &#10084;&#65039;",
      "收到，谢谢！&#55357;&#56397;",
      "Your verification code is %06d. Do not share it with anyone. &lt;#&gt; kJ2x9",
      "Reminder: your parcel %d is waiting at the pickup point. Reply STOP to opt out &#55357;&#56538;",
      "&quot;最后一次提醒&quot;：你的通讯录已经导出，%d 个联系人都会收到你的欠款信息。",
      "[美团] 您的外卖已送达，祝您用餐愉快 &#55356;&#57180;&#55356;&#57180; 订单尾号%04d",
      "好的 &#55357;&#56834;&#55357;&#56834;&#55357;&#56834;",
      "今天的会改到下午%d点，地点：3号楼 &amp; 视频同步。&#10;带上材料。",
  };
  private static final String[] NAMES = {"李", "王", "张", "刘", "陈", "杨", "赵", "黄"};
  private static final DateTimeFormatter READABLE =
      DateTimeFormatter.ofPattern("MMM d, yyyy h:mm:ss a", Locale.ENGLISH).withZone(ZoneId.of("Asia/Shanghai"));

  private final Random random;
  private final String[] parties;

  SmsBackupWriter(long seed) {
    this.random = new Random(seed);
    Mobiles mobiles = new Mobiles(random);
    parties = new String[3_000];
    for (int i = 0; i < parties.length; i++) {
      int shape = random.nextInt(20);
      String national = Long.toString(mobiles.next());
      parties[i] = switch (shape) {
        case 0, 1 -> "106" + (5_000_000 + random.nextInt(5_000_000)) + random.nextInt(10);
        case 2 -> "9" + (5500 + random.nextInt(100));
        case 3 -> "+86 " + national.substring(0, 3) + " " + national.substring(3, 7) + " " + national.substring(7);
        case 4 -> "BOC";
        case 5, 6, 7, 8 -> "+86" + national;
        default -> national;
      };
    }
  }

  /** Writes about {@code bytes} bytes to {@code file}; returns the number of messages (SMS and MMS) written. */
  long write(Path file, long bytes) throws IOException {
    long count = 0;
    long at = Instant.parse("2023-01-01T00:00:00Z").toEpochMilli();
    try (CountingWriter out = new CountingWriter(file)) {
      out.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
          + "<!--File Created By SMS Backup & Restore v10.20.002 on 01/12/2024 21:15:01-->\n"
          + "<smses count=\"0\" backup_set=\"2b6e1d7c-bench\" backup_date=\"1704114901000\" type=\"full\">\n");
      while (out.written() < bytes) {
        at += 1_000 + random.nextInt(600_000);
        String party = parties[(int) Math.min(parties.length - 1, Math.abs(random.nextGaussian()) * parties.length / 3)];
        if (random.nextInt(100) == 0) {
          mms(out, party, at);
        } else {
          sms(out, party, at);
        }
        count++;
      }
      out.write("</smses>\n");
    }
    return count;
  }

  private void sms(CountingWriter out, String party, long at) throws IOException {
    int roll = random.nextInt(100);
    int type = roll < 70 ? 1 : roll < 96 ? 2 : roll < 98 ? 3 : 5;
    String body = body();
    out.write("  <sms protocol=\"0\" address=\"" + party + "\" date=\"" + at + "\" type=\"" + type
        + "\" subject=\"null\" body=\"" + body + "\" toa=\"null\" sc_toa=\"null\" service_center=\""
        + (type == 1 ? "+8613800100500" : "null") + "\" read=\"1\" status=\"-1\" locked=\"0\" date_sent=\""
        + (type == 1 ? at - 2_000 : 0) + "\" sub_id=\"1\" readable_date=\"" + READABLE.format(Instant.ofEpochMilli(at))
        + "\" contact_name=\"" + (random.nextInt(3) == 0 ? NAMES[random.nextInt(NAMES.length)] + "总" : "(Unknown)")
        + "\" />\n");
  }

  private void mms(CountingWriter out, String party, long at) throws IOException {
    boolean received = random.nextInt(3) > 0;
    out.write("  <mms date=\"" + at + "\" rr=\"null\" sub=\"null\" ct_t=\"application/vnd.wap.multipart.related\""
        + " read_status=\"null\" seen=\"1\" msg_box=\"" + (received ? 1 : 2) + "\" address=\"" + party
        + "\" sub_cs=\"null\" resp_st=\"null\" retr_st=\"null\" d_tm=\"null\" text_only=\"1\" exp=\"null\""
        + " locked=\"0\" m_id=\"null\" st=\"null\" retr_txt_cs=\"null\" retr_txt=\"null\" creator=\"com.android.mms\""
        + " date_sent=\"0\" read=\"1\" m_size=\"null\" rpt_a=\"null\" ct_cls=\"null\" pri=\"null\" sub_id=\"1\""
        + " tr_id=\"null\" resp_txt=\"null\" ct_l=\"null\" m_cls=\"null\" d_rpt=\"null\" v=\"null\" _id=\"1\""
        + " m_type=\"" + (received ? 132 : 128) + "\" readable_date=\"" + READABLE.format(Instant.ofEpochMilli(at))
        + "\" contact_name=\"(Unknown)\">\n    <parts>\n"
        + "      <part seq=\"0\" ct=\"text/plain\" name=\"null\" chset=\"106\" cd=\"null\" fn=\"null\" cid=\"&lt;text0&gt;\""
        + " cl=\"text0.txt\" ctt_s=\"null\" ctt_t=\"null\" text=\"" + body() + "\" />\n    </parts>\n    <addrs>\n"
        + "      <addr address=\"" + party + "\" type=\"" + (received ? 137 : 151) + "\" charset=\"106\" />\n"
        + "      <addr address=\"insert-address-token\" type=\"" + (received ? 151 : 137) + "\" charset=\"106\" />\n"
        + "    </addrs>\n  </mms>\n");
  }

  private String body() {
    String template = BODIES[random.nextInt(BODIES.length)];
    Object[] values = template.contains("%s")
        ? new Object[] {NAMES[random.nextInt(NAMES.length)], 3 + random.nextInt(90)}
        : new Object[] {random.nextInt(1_000_000), random.nextInt(1_000), random.nextInt(1_000)};
    String body = String.format(Locale.ROOT, template, values);
    return random.nextInt(10) == 0 ? body + "&#10;" + body : body;
  }

  /** A UTF-8 file writer that knows how many bytes it wrote. */
  private static final class CountingWriter implements AutoCloseable {
    private final BufferedWriter out;
    private long written;

    CountingWriter(Path file) throws IOException {
      out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    void write(String s) throws IOException {
      out.write(s);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        written += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      }
    }

    long written() {
      return written;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
