package io.crossdesk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A JVM started as a separate operating-system process, with its output appended to a log file.
 *
 * <p>Typical use, as the system tests start a service:
 *
 * <pre>{@code
 * JavaCommand command = JavaCommand.jar("ticket-service", jar)
 *     .withJvmFlags("-Xmx256m")
 *     .withArgs("--server.port=8082");
 * try (ServiceProcess ticket = ServiceProcess.start(command, logDir.resolve("ticket-service.log"))) {
 *   ticket.awaitHealthy(Probes.actuatorHealth(8082), Duration.ofSeconds(120));
 *   ...
 *   ticket.kill(); // crash it, as kill -9 would
 * }
 * }</pre>
 *
 * <p>The process is not tied to the lifetime of the JVM that started it: call {@link #stop} or
 * {@link #close}, or it keeps running.
 */
public final class ServiceProcess implements AutoCloseable {

  /** How long {@link #close} waits for a graceful exit before it kills the process. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final int TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Path logFile;

  private ServiceProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts the command with stdout and stderr appended to {@code logFile} (created with its parent
   * directories). Returns at once; use one of the {@code await...} methods to wait for readiness.
   */
  public static ServiceProcess start(JavaCommand command, Path logFile) {
    List<String> commandLine = command.commandLine();
    try {
      Path parent = logFile.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      // Appending keeps the log of an earlier run, e.g. the one a crash test killed.
      Files.writeString(
          logFile,
          "=== " + Instant.now() + " starting " + command.name() + ": " + command.describe() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      Process process =
          new ProcessBuilder(commandLine)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      return new ServiceProcess(command.name(), process, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.name(), e);
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, or empty while the process runs. */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  /**
   * Waits until {@code healthUrl} answers 200 with status UP.
   *
   * @throws ServiceStartException if the process exits first or the timeout passes; the message
   *     ends with the tail of the log
   */
  public void awaitHealthy(URI healthUrl, Duration timeout) {
    awaitReady(() -> Probes.isHttpUp(healthUrl), healthUrl + " reporting UP", timeout);
  }

  /** Waits until something accepts TCP connections on host:port; fails as {@link #awaitHealthy}. */
  public void awaitPortOpen(String host, int port, Duration timeout) {
    awaitReady(() -> Probes.isPortOpen(host, port), host + ":" + port + " accepting", timeout);
  }

  /**
   * Waits for the process to end by itself, for short-lived tools.
   *
   * @return the exit code
   * @throws ServiceStartException if it is still running after the timeout (it is left running)
   */
  public int awaitExit(Duration timeout) {
    if (!waitForExit(timeout)) {
      throw new ServiceStartException(
          name + " still running after " + timeout, logTail(TAIL_LINES));
    }
    return process.exitValue();
  }

  /**
   * Asks the process to stop (SIGTERM, so shutdown hooks run), waits up to {@code grace}, then
   * kills it.
   *
   * @return the exit code: 143 after SIGTERM for a JVM, 137 if it had to be killed
   */
  public int stop(Duration grace) {
    process.destroy();
    if (!waitForExit(grace)) {
      kill();
    }
    return process.exitValue();
  }

  /** Kills the process at once (SIGKILL, like kill -9): no shutdown hooks, no flushing. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing " + name, e);
    }
  }

  /** The last lines of the log file, for error messages. */
  public String logTail(int lines) {
    try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
      long size = channel.size();
      int length = (int) Math.min(size, 64 * 1024);
      ByteBuffer buffer = ByteBuffer.allocate(length);
      channel.position(size - length);
      while (buffer.hasRemaining() && channel.read(buffer) > 0) {
        // keep reading until the buffer is full
      }
      String[] all =
          new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\\R");
      return String.join(
          "\n", Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e.getMessage() + ")";
    }
  }

  /** Stops gracefully with {@link #DEFAULT_GRACE}; does nothing if the process already ended. */
  @Override
  public void close() {
    if (process.isAlive()) {
      stop(DEFAULT_GRACE);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + pid() + ")";
  }

  private void awaitReady(BooleanSupplier ready, String what, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!ready.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new ServiceStartException(
            name + " exited with code " + process.exitValue() + " before " + what,
            logTail(TAIL_LINES));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new ServiceStartException(
            name + " not ready within " + timeout + ": waited for " + what, logTail(TAIL_LINES));
      }
      // Doubles as the poll delay and returns early if the process dies meanwhile.
      waitForExit(POLL_INTERVAL);
    }
  }

  private boolean waitForExit(Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot wait for " + name, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
  }
}
