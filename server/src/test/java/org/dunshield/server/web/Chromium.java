package org.dunshield.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The Debian {@code chromium} driven through the Debian {@code chromedriver}, headless, with a fresh
 * profile and the flags that keep it off the network. Missing binaries fail the test with the
 * package names to install (CI installs them; a browser test that silently skips proves nothing).
 */
final class Chromium {
  static final Path BROWSER = Path.of(System.getProperty("dunshield.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("dunshield.chromedriver", "/usr/bin/chromedriver"));

  private Chromium() {}

  /** A headless browser whose downloads land in {@code downloads}. */
  static ChromeDriver start(Path profile, Path downloads) throws IOException {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("the browser tests need " + BROWSER + " and " + DRIVER
          + ": apt-get install chromium chromium-driver (or set -Ddunshield.chromium= and -Ddunshield.chromedriver=)");
    }
    Files.createDirectories(downloads);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--disable-default-apps", "--window-size=1280,900",
        "--user-data-dir=" + profile.toAbsolutePath(), "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toAbsolutePath().toString(),
        "download.prompt_for_download", false,
        "plugins.always_open_pdf_externally", true,
        "intl.accept_languages", "en-US,en"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().withSilent(true).build();
    return new ChromeDriver(service, options);
  }
}
