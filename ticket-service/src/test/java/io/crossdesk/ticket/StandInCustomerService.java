package io.crossdesk.ticket;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a random local port answering GET /api/customers/{id} as customer-service
 * would: customers it was told about, 500 for those it was told to fail on, a held answer for those
 * it was told to hang on, 404 for everyone else.
 */
public final class StandInCustomerService implements AutoCloseable {

  private static final String PATH = "/api/customers/";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  /** One request as the stand-in received it. */
  public record Request(String customerId, String authorization) {}

  private StandInCustomerService() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(PATH, this::answer);
    server.setExecutor(threads);
    server.start();
  }

  public static StandInCustomerService start() {
    try {
      return new StandInCustomerService();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public StandInCustomerService knows(String customerId, String tier, String name) {
    answers.put(
        customerId,
        "{\"customerId\":\"%s\",\"name\":\"%s\",\"type\":\"INDIVIDUAL\",\"tier\":\"%s\"}"
            .formatted(customerId, name, tier));
    return this;
  }

  public StandInCustomerService failsFor(String customerId) {
    failures.put(customerId, 500);
    return this;
  }

  /** Answers nothing for this customer until closed, as an overloaded service would. */
  public StandInCustomerService hangsFor(String customerId) {
    failures.put(customerId, 0);
    return this;
  }

  public List<Request> requestsFor(String customerId) {
    return requests.stream().filter(request -> request.customerId().equals(customerId)).toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String customerId = exchange.getRequestURI().getPath().substring(PATH.length());
    requests.add(new Request(customerId, exchange.getRequestHeaders().getFirst("Authorization")));
    try (exchange) {
      Integer failure = failures.get(customerId);
      if (failure != null && failure == 0) {
        released.await(30, TimeUnit.SECONDS);
        return;
      }
      String body = answers.get(customerId);
      int status = failure != null ? failure : body != null ? 200 : 404;
      byte[] bytes =
          (body != null && status == 200 ? body : "{\"status\":" + status + "}")
              .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
