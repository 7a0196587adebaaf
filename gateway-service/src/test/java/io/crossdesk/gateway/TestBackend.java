package io.crossdesk.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server standing in for one service: it records what reached it and answers JSON
 * naming itself. Paths ending in {@code /status-<code>} answer that status (a 503 with Retry-After,
 * as a service says a dependency is down); paths ending in {@code /slow} hold the answer until
 * {@link #releaseSlowRequests()} (or two seconds); paths ending in {@code /busy} take 30 ms each, a
 * healthy service under load.
 */
public final class TestBackend {

  /** What the service saw. */
  public record Received(
      String method,
      String path,
      String query,
      String authorization,
      Map<String, String> headers) {}

  private static final Duration BUSY_WORK = Duration.ofMillis(30);
  private static final Pattern STATUS_PATH = Pattern.compile("/status-(\\d{3})$");

  private final String service;
  private final HttpServer server;
  private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
  private volatile CountDownLatch slow = new CountDownLatch(1);
  private volatile CountDownLatch crowd = new CountDownLatch(0);
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger peakBusy = new AtomicInteger();

  public TestBackend(String service) {
    this.service = service;
    try {
      // A backlog for a crowd of connections arriving at once, as a gateway under load opens them.
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Received> receivedAt(String path) {
    return received.getOrDefault(path, List.of());
  }

  public void releaseSlowRequests() {
    slow.countDown();
    slow = new CountDownLatch(1);
  }

  /**
   * The next {@code size} requests to a {@code /busy} path start their work only once all of them
   * have arrived (or after ten seconds), so a test knows that many were in the service at once.
   */
  public void gatherBusyRequests(int size) {
    peakBusy.set(0);
    crowd = new CountDownLatch(size);
  }

  /** The most {@code /busy} requests in the service at the same time since the last gathering. */
  public int peakBusyRequests() {
    return peakBusy.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    received
        .computeIfAbsent(uri.getPath(), path -> new CopyOnWriteArrayList<>())
        .add(
            new Received(
                exchange.getRequestMethod(),
                uri.getPath(),
                uri.getQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().entrySet().stream()
                    .collect(
                        java.util.stream.Collectors.toMap(
                            header -> header.getKey().toLowerCase(java.util.Locale.ROOT),
                            header -> header.getValue().get(0)))));
    exchange.getRequestBody().readAllBytes();
    if (uri.getPath().endsWith("/slow")) {
      awaitRelease();
    }
    if (uri.getPath().endsWith("/busy")) {
      workBusily();
    }
    int status = status(uri.getPath());
    byte[] body =
        ("{\"service\":\"" + service + "\",\"path\":\"" + uri.getPath() + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (status == 503) {
      exchange.getResponseHeaders().set("Retry-After", "5");
    }
    String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
    if (traceparent != null && traceparent.length() == 55) {
      // As every service answers: the caller's trace, the service's own span.
      exchange
          .getResponseHeaders()
          .set("traceparent", traceparent.substring(0, 36) + "5e1f5e1f5e1f5e1f-01");
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static int status(String path) {
    Matcher status = STATUS_PATH.matcher(path);
    return status.find() ? Integer.parseInt(status.group(1)) : 200;
  }

  private void workBusily() {
    peakBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
    try {
      CountDownLatch gathering = crowd;
      gathering.countDown();
      gathering.await(10, TimeUnit.SECONDS);
      // The work itself: the service is healthy, just occupied.
      TimeUnit.MILLISECONDS.sleep(BUSY_WORK.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      busy.decrementAndGet();
    }
  }

  private void awaitRelease() {
    try {
      slow.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
