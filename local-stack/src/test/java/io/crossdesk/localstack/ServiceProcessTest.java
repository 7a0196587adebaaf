package io.crossdesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.crossdesk.localstack.fixtures.FailingApp;
import io.crossdesk.localstack.fixtures.HealthyApp;
import io.crossdesk.localstack.fixtures.StubbornApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

  private static final String TEST_CLASSPATH = System.getProperty("java.class.path");

  @TempDir Path logs;

  @Test
  void waitsUntilTheServiceReportsHealthyAndStopsItGracefully() throws Exception {
    int port = FreePorts.next();
    JavaCommand command =
        JavaCommand.mainClass("healthy", TEST_CLASSPATH, HealthyApp.class.getName())
            .withJvmFlags("-Xmx32m", "-XX:+UseSerialGC")
            .withArgs(String.valueOf(port));

    ServiceProcess process = ServiceProcess.start(command, logs.resolve("healthy.log"));
    process.awaitHealthy(Probes.actuatorHealth(port), Duration.ofSeconds(30));

    assertThat(process.isAlive()).isTrue();
    assertThat(Probes.isHttpUp(Probes.actuatorHealth(port))).isTrue();
    assertThat(process.stop(Duration.ofSeconds(10))).isEqualTo(143);
    assertThat(Files.readString(process.logFile()))
        .contains("starting healthy:", "listening on " + port, "stopping gracefully");
  }

  @Test
  void killsTheServiceHardWithoutRunningItsShutdownHooks() throws Exception {
    int port = FreePorts.next();
    ServiceProcess process =
        ServiceProcess.start(
            JavaCommand.mainClass("healthy", TEST_CLASSPATH, HealthyApp.class.getName())
                .withArgs(String.valueOf(port)),
            logs.resolve("healthy.log"));
    process.awaitPortOpen("127.0.0.1", port, Duration.ofSeconds(30));

    process.kill();

    assertThat(process.isAlive()).isFalse();
    assertThat(process.exitCode()).hasValue(137);
    assertThat(Files.readString(process.logFile())).doesNotContain("stopping gracefully");
    assertThat(Probes.isPortOpen("127.0.0.1", port)).isFalse();
  }

  @Test
  void reportsAServiceThatExitsDuringStartUpWithTheEndOfItsLog() {
    ServiceProcess process =
        ServiceProcess.start(
            JavaCommand.mainClass("failing", TEST_CLASSPATH, FailingApp.class.getName()),
            logs.resolve("failing.log"));

    assertThatThrownBy(
            () ->
                process.awaitHealthy(
                    Probes.actuatorHealth(FreePorts.next()), Duration.ofSeconds(30)))
        .isInstanceOf(ServiceStartException.class)
        .hasMessageContaining("failing exited with code 3")
        .hasMessageContaining("APPLICATION FAILED TO START: no broker configured");
  }

  @Test
  void givesUpWaitingAfterTheTimeout() {
    try (ServiceProcess process =
        ServiceProcess.start(
            JavaCommand.mainClass("stubborn", TEST_CLASSPATH, StubbornApp.class.getName()),
            logs.resolve("stubborn.log"))) {

      assertThatThrownBy(
              () ->
                  process.awaitHealthy(
                      Probes.actuatorHealth(FreePorts.next()), Duration.ofSeconds(1)))
          .isInstanceOf(ServiceStartException.class)
          .hasMessageContaining("stubborn not ready within PT1S");
      assertThat(process.isAlive()).isTrue();
      process.kill();
    }
  }

  @Test
  void forcesAServiceThatDoesNotStopWithinTheGracePeriod() {
    ServiceProcess process =
        ServiceProcess.start(
            JavaCommand.mainClass("stubborn", TEST_CLASSPATH, StubbornApp.class.getName()),
            logs.resolve("stubborn.log"));
    awaitLogLine(process, "stubborn app running");

    int exitCode = process.stop(Duration.ofSeconds(1));

    assertThat(exitCode).isEqualTo(137);
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  void appendsToAnExistingLogSoEarlierRunsStayReadable() throws Exception {
    Path log = logs.resolve("failing.log");
    for (int run = 0; run < 2; run++) {
      ServiceProcess.start(
              JavaCommand.mainClass("failing", TEST_CLASSPATH, FailingApp.class.getName()), log)
          .awaitExit(Duration.ofSeconds(30));
    }

    assertThat(Files.readAllLines(log)).filteredOn(line -> line.startsWith("=== ")).hasSize(2);
  }

  private static void awaitLogLine(ServiceProcess process, String line) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Files.readString(process.logFile()).contains(line));
  }
}
