package io.crossdesk.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crossdesk.gateway.TestServices;
import io.crossdesk.gateway.TestTokens;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that is slow but alive: the gateway lets as many calls through as it has connections,
 * queues a bounded number more, answers each of them once the service does, and tells every caller
 * beyond the queue at once to come back later, without holding it against the service.
 *
 * <p>Limits shrunk to a handful: two connections per service, a bulkhead of four for ticket-service
 * (two in flight, two queued). Queued calls may wait ten seconds here, so that they outlast the
 * service's answers however slowly a loaded machine runs the test.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.cloud.gateway.server.webflux.httpclient.pool.max-connections=2",
      "spring.cloud.gateway.server.webflux.httpclient.pool.acquire-timeout=10000",
      "resilience4j.bulkhead.instances.ticket-service.max-concurrent-calls=4"
    })
class SlowServiceTest {

  private static final SlowBackend TICKETS = new SlowBackend();

  /** Bounds far above the milliseconds these take, so a loaded machine does not fail the test. */
  private static final Duration AT_ONCE = Duration.ofSeconds(2);

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("crossdesk.services.ticket-uri", TICKETS::uri);
  }

  @Autowired CircuitBreakerRegistry breakers;
  @Autowired BulkheadRegistry bulkheads;
  @LocalServerPort int port;

  private final String token = TestTokens.valid("agent-7", "AGENT");

  /** A connection per request, as a load test's clients open them. */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Test
  void callersBeyondTheQueueAreToldAtOnceToRetryWhileTheAcceptedOnesAreAnswered() {
    CircuitBreaker breaker = breakers.circuitBreaker("ticket-service");
    Bulkhead bulkhead = bulkheads.bulkhead("ticket-service");
    List<CompletableFuture<HttpResponse<String>>> accepted =
        IntStream.range(0, 4).mapToObj(i -> openTicket()).toList();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                TICKETS.working() == 2 && bulkhead.getMetrics().getAvailableConcurrentCalls() == 0);

    for (int i = 0; i < 3; i++) {
      long started = System.nanoTime();
      HttpResponse<String> shed = answered(openTicket());
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(shed.statusCode()).isEqualTo(503);
      assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(shed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(shed.body())
          .contains("\"status\":503")
          .contains("\"service\":\"ticket-service\"")
          .contains("ticket-service is busy; retry in 1 s.")
          .contains("\"instance\":\"/api/tickets\"");
      assertThat(took).isLessThan(AT_ONCE);
    }
    // Two at work in the service, two waiting in the gateway; the shed ones never got there.
    assertThat(TICKETS.received()).isEqualTo(2);

    TICKETS.answer();

    await().atMost(PATIENCE).until(() -> accepted.stream().allMatch(CompletableFuture::isDone));
    assertThat(accepted)
        .allSatisfy(answer -> assertThat(answer.join().statusCode()).isEqualTo(201));
    assertThat(TICKETS.received()).isEqualTo(4);
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
  }

  private CompletableFuture<HttpResponse<String>> openTicket() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"No dial tone\"}"))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> answered(CompletableFuture<HttpResponse<String>> answer) {
    await().atMost(PATIENCE).until(answer::isDone);
    return answer.join();
  }

  /** Takes every request in and answers 201 only once the test lets it: slow, but alive. */
  private static final class SlowBackend {

    private final HttpServer server;
    private final CountDownLatch answering = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger working = new AtomicInteger();

    SlowBackend() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", this::handle);
      server.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int received() {
      return received.get();
    }

    int working() {
      return working.get();
    }

    void answer() {
      answering.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
      received.incrementAndGet();
      working.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      try {
        answering.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        working.decrementAndGet();
      }
      byte[] body = "{\"id\":\"t-1\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    }
  }
}
