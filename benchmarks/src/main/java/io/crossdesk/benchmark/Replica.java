package io.crossdesk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second instance of a running service, started as a copy of its command line (same jar, JVM
 * flags, broker, store and consumer groups) on a port of its own, as a scaled-out replica runs. Its
 * component name gets a {@code -2}, so the local stack's pid files still name the first.
 */
final class Replica implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final Process process;
  private final int port;

  private Replica(String name, Process process, int port) {
    this.name = name;
    this.process = process;
    this.port = port;
  }

  /** Starts a copy of the process {@code pid} (a service of the stack) and waits until it is UP. */
  static Replica of(String service, long pid, Path logs, Duration startTimeout) {
    String name = service + "-2";
    int port = freePort();
    try {
      List<String> original =
          Arrays.asList(
              Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\u0000"));
      Path workingDirectory = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
      List<String> command = new ArrayList<>();
      for (String arg : original) {
        command.add(adapted(arg, service, name, port));
      }
      if (service.equals("analytics-service")
          && command.stream().noneMatch(a -> a.startsWith("--crossdesk.analytics.state-dir="))) {
        command.add("--crossdesk.analytics.state-dir=" + logs.resolve(name + "-state"));
      }
      Files.createDirectories(logs);
      for (String arg : command) {
        if (arg.startsWith("-Djava.io.tmpdir=")) {
          Files.createDirectories(
              workingDirectory.resolve(arg.substring("-Djava.io.tmpdir=".length())));
        }
      }
      Process process =
          new ProcessBuilder(command)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(logs.resolve(name + ".log").toFile())
              .start();
      Replica replica = new Replica(name, process, port);
      replica.awaitHealthy(startTimeout);
      return replica;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a second " + service, e);
    }
  }

  /** The copy's own port, component name, temporary directory and engine state. */
  private static String adapted(String arg, String service, String name, int port) {
    if (arg.startsWith("--server.port=")) {
      return "--server.port=" + port;
    }
    if (arg.equals("-Dcrossdesk.component=" + service)) {
      return "-Dcrossdesk.component=" + name;
    }
    if (arg.startsWith("-Djava.io.tmpdir=") || arg.startsWith("--crossdesk.analytics.state-dir=")) {
      return arg + "-2";
    }
    return arg;
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited during start-up, code " + process.exitValue());
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(url().resolve("/actuator/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException(name + " not healthy within " + timeout.toSeconds() + " s");
  }

  /** Stops it as a scale-in would: SIGTERM, a graceful shutdown, then SIGKILL if it hangs. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
