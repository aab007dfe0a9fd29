package org.dunshield.sip;

import java.nio.file.Path;
import java.time.Clock;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.detect.Detectors;
import org.dunshield.core.screen.Screener;
import org.dunshield.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * For test classes that talk raw SIP to one service for all their tests: a service on loopback on a
 * free port, forwarding to another (where nothing need answer), screening with every detector, on a
 * store of its own. Test classes run one at a time, so the class that runs has these to itself.
 */
abstract class WithLocalService {
  @TempDir static Path dir;
  static Database db;
  static SipScreeningService service;

  @BeforeAll
  static void startService() {
    db = Database.openDirectory(dir);
    service = SipScreeningService.start(SipConfig.builder(new HostPort("127.0.0.1", Sipp.freePort()),
        new HostPort("127.0.0.1", Sipp.freePort())).build(), db,
        Screener.standard(Detectors.checks(DetectionSettings.defaults())), Clock.systemUTC());
  }

  @AfterAll
  static void stopService() {
    service.close();
    db.close();
  }
}
