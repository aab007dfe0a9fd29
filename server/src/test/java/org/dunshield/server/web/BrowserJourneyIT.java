package org.dunshield.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journeys of a new user in a real browser (Debian chromium through chromedriver) against a real
 * server and store with accounts: sign up on the first visit, import a phone backup, see the calls
 * the detectors block, allow one in one click, build a case and download its PDF report; sign out
 * and sign in again. With {@code -Ddunshield.screenshots=DIR} it also saves the README's screenshots.
 */

class BrowserJourneyIT {
  @TempDir Path dir;
  private WebFixture web;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private Path downloads;

  @BeforeEach
  void start() throws IOException {
    web = WebFixture.accounts(dir.resolve("data"), true);
    downloads = dir.resolve("downloads");
    browser = Chromium.start(dir.resolve("profile"), downloads);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (web != null) {
      web.close();
    }
  }

  private void open(String path) {
    browser.get(web.base() + path);
  }

  private WebElement id(String id) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
  }

  @Test
  void newUserImportsABackupAllowsABlockedCallerAndDownloadsAReportThenSignsOutAndIn() throws Exception {
    open("/");
    assertThat(browser.getCurrentUrl()).contains("/signin");
    id("to-signup").click();
    id("username").sendKeys("ada");
    id("password").sendKeys(AccountsTest.PASSWORD);
    id("password2").sendKeys(AccountsTest.PASSWORD);
    id("signup").click();
    assertThat(id("flash").getText()).contains("Welcome, ada");

    // import the phone's calls backup
    open("/imports");
    Path backup = dir.resolve("calls.xml");
    Files.copy(Path.of("src/test/resources/org/dunshield/server/web/calls.xml"), backup, StandardCopyOption.REPLACE_EXISTING);
    id("file").sendKeys(backup.toAbsolutePath().toString());
    id("upload").click();
    assertThat(id("imported").getText()).isEqualTo("13");
    assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.dataset.uploadPercent"))
        .as("the page followed the upload with its progress bar").isEqualTo("100");
    id("to-history").click();

    // the call bombing shows as blocked, with the reason in words
    List<WebElement> blocked = wait.until(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("tr[data-action=block]"));
      return rows.isEmpty() ? null : rows;
    });
    assertThat(blocked).hasSize(3);
    assertThat(blocked.get(0).getText()).contains("call bombing");
    String caller = blocked.get(0).findElement(By.cssSelector("td:nth-child(3) span")).getText();
    blocked.get(0).findElement(By.cssSelector("button.allow-number")).click();
    assertThat(id("flash").getText()).contains("Allowed " + caller);
    open("/rules");
    assertThat(id("rules").getText()).contains(caller);

    // a case about the blocked callers, and its PDF report
    open("/cases");
    id("case-name").sendKeys("bombing 12 October");
    id("case-numbers").sendKeys(caller + " +8615366660006");
    id("case-create").click();
    WebElement pdf = id("report-pdf");
    pdf.click();
    Path report = waitForDownload();
    byte[] bytes = Files.readAllBytes(report);
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    screenshots();

    // sign out, and back in
    id("signout").click();
    wait.until(ExpectedConditions.urlContains("/signin"));
    assertThat(id("flash").getText()).contains("Signed out");
    open("/history");
    assertThat(browser.getCurrentUrl()).contains("/signin");
    id("username").sendKeys("ada");
    id("password").sendKeys(AccountsTest.PASSWORD);
    id("signin").click();
    wait.until(ExpectedConditions.urlContains("/history"));
    assertThat(id("history").getText()).contains(caller);
  }

  private Path waitForDownload() {
    return wait.until(d -> {
      // Chromium creates an empty placeholder under the final name and writes to a .crdownload
      // file that it renames when done: the download is complete when no .crdownload is left
      try (Stream<Path> files = Files.list(downloads)) {
        List<Path> all = files.toList();
        if (all.stream().anyMatch(f -> f.toString().endsWith(".crdownload"))) {
          return null;
        }
        for (Path f : all) {
          if (f.toString().endsWith(".pdf") && Files.size(f) > 0) {
            return f;
          }
        }
        return null;
      } catch (IOException e) {
        return null;
      }
    });
  }

  /** A month of calls and SMS screened as they would have been, ending in a call bombing now. */
  private void seedMonth(long owner) {
    var screening = web.screening(owner);
    var rules = web.db.forOwner(owner).rules();
    var parser = new org.dunshield.core.rule.RuleParser(org.dunshield.core.number.NumberParser.forRegion("CN"));
    rules.add(parser.parse(org.dunshield.core.screen.Action.BLOCK, org.dunshield.core.rule.MatchKind.TYPE,
        "virtual_mobile", org.dunshield.core.rule.ChannelScope.BOTH, 0, "virtual operators", null));
    rules.add(parser.parse(org.dunshield.core.screen.Action.BLOCK, org.dunshield.core.rule.MatchKind.PREFIX,
        "0755", org.dunshield.core.rule.ChannelScope.CALL, 10, "collection agency", "Mon-Sun 00:00-24:00"));
    screening.invalidate();
    java.util.Random random = new java.util.Random(7);
    java.time.Instant now = java.time.Instant.now();
    String[] friends = {"13800138000", "13912345678", "15011112222"};
    String[] collectors = {"17012345678", "17188880001", "075588886666", "16533334444"};
    String[] texts = {"您的借款已逾期，请立即还款，否则将联系您的通讯录好友。", "[Bank] Your card ending 1234 was charged 56.00 CNY.",
        "Last notice: pay today or we visit your employer <b>tomorrow</b>.", "晚上回家吃饭吗？"};
    for (int day = 29; day >= 0; day--) {
      int n = 3 + random.nextInt(6) + (day < 8 ? 6 : 0);
      for (int i = 0; i < n; i++) {
        java.time.Instant at = now.minus(java.time.Duration.ofDays(day)).minus(java.time.Duration.ofMinutes(90 + random.nextInt(600)));
        boolean bad = random.nextInt(3) > 0;
        String number = bad ? collectors[random.nextInt(collectors.length)] : friends[random.nextInt(friends.length)];
        if (random.nextBoolean()) {
          screening.call(number, at, null, "api");
        } else {
          screening.sms(number, texts[bad ? random.nextInt(3) : 3], at, "api");
        }
      }
    }
    String[] burst = {"13011110001", "15622220002", "18233330003", "13544440004", "17655550005", "15366660006",
        "18977770007", "13999990008"};
    for (int i = 0; i < burst.length; i++) {
      screening.call(burst[i], now.minus(java.time.Duration.ofSeconds(300 - i * 15L)), null, "api");
    }
  }

  /** The README's screenshots, when asked for. */
  private void screenshots() throws IOException {
    String target = System.getProperty("dunshield.screenshots");
    if (target == null || target.isBlank()) {
      return;
    }
    Path out = Path.of(target);
    Files.createDirectories(out);
    seedMonth(web.db.accounts().find("ada").orElseThrow().id());
    for (String[] shot : new String[][] {{"/?lang=en", "dashboard-en.png"}, {"/?lang=zh", "dashboard-zh.png"},
        {"/history?lang=en", "history-en.png"}, {"/rules?lang=zh", "rules-zh.png"}}) {
      open(shot[0]);
      id("lang-en");
      Files.write(out.resolve(shot[1]), browser.getScreenshotAs(OutputType.BYTES));
    }
    open("/?lang=en");
  }
}
