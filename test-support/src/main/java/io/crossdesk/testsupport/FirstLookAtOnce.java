package io.crossdesk.testsupport;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every wait in a test JVM that has this module looks at its condition at once, then once every
 * poll interval. Awaitility's own default is to wait one poll interval (100 ms) before the first
 * look, so a wait for what is already true cost that interval each time: a test that checks a
 * hundred tickets one by one spent ten seconds doing nothing. Registered through {@code
 * META-INF/services}, so the launcher sets it before any test runs.
 */
public final class FirstLookAtOnce implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    Awaitility.setDefaultPollDelay(Duration.ZERO);
  }
}
