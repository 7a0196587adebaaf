package io.crossdesk.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for one service: it records what reached it and answers JSON
 * naming itself. Paths ending in {@code /status-503} answer 503; paths ending in {@code /slow} hold
 * the answer until {@link #releaseSlowRequests()} (or two seconds).
 */
public final class TestBackend {

  /** What the service saw. */
  public record Received(String method, String path, String query, String authorization) {}

  private final String service;
  private final HttpServer server;
  private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
  private volatile CountDownLatch slow = new CountDownLatch(1);

  public TestBackend(String service) {
    this.service = service;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
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

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    received
        .computeIfAbsent(uri.getPath(), path -> new CopyOnWriteArrayList<>())
        .add(
            new Received(
                exchange.getRequestMethod(),
                uri.getPath(),
                uri.getQuery(),
                exchange.getRequestHeaders().getFirst("Authorization")));
    exchange.getRequestBody().readAllBytes();
    if (uri.getPath().endsWith("/slow")) {
      awaitRelease();
    }
    int status = uri.getPath().endsWith("/status-503") ? 503 : 200;
    byte[] body =
        ("{\"service\":\"" + service + "\",\"path\":\"" + uri.getPath() + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private void awaitRelease() {
    try {
      slow.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
