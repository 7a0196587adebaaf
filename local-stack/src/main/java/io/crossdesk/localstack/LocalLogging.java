package io.crossdesk.localstack;

/**
 * Points Log4j 2 at this module's configuration. It has a distinct name rather than log4j2.xml so
 * that modules reusing the process launcher never pick it up by accident.
 */
final class LocalLogging {

  static final String CONFIGURATION = "crossdesk-local-log4j2.xml";
  static final String PROPERTY = "log4j2.configurationFile";

  private LocalLogging() {}

  /** Must run before the first logger is created. */
  static void useBundledConfiguration() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, CONFIGURATION);
    }
  }
}
