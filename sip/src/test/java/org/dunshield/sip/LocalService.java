package org.dunshield.sip;

import java.time.Clock;
import org.dunshield.core.detect.DetectionSettings;
import org.dunshield.core.detect.Detectors;
import org.dunshield.core.screen.Screener;
import org.dunshield.store.Database;

/** A screening service on loopback for tests that talk raw SIP to it: free ports, standard screening. */
final class LocalService {
  private LocalService() {}

  /** Listens on a free port, forwards to another (where nothing need answer), screens with every detector. */
  static SipScreeningService start(Database db) {
    return SipScreeningService.start(SipConfig.builder(new HostPort("127.0.0.1", Sipp.freePort()),
        new HostPort("127.0.0.1", Sipp.freePort())).build(), db,
        Screener.standard(Detectors.checks(DetectionSettings.defaults())), Clock.systemUTC());
  }
}
