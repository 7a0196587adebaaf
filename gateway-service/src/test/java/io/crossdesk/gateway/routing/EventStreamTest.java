package io.crossdesk.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crossdesk.gateway.TestServices;
import io.crossdesk.gateway.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The wallboard through the gateway: its page without a token, and its event stream passed on event
 * by event for as long as the service keeps it open. The time limit bounds the wait for an answer's
 * headers, not its body, so a stream outlasts it (shrunk to one second here, against a stream of
 * three).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "resilience4j.timelimiter.instances.analytics-service.timeout-duration=1s")
class EventStreamTest {

  private static final int EVENTS = 15;
  private static final Duration BETWEEN_EVENTS = Duration.ofMillis(200);

  private static final AnalyticsBackend ANALYTICS = new AnalyticsBackend();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("crossdesk.services.analytics-uri", ANALYTICS::uri);
  }

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aStreamOutlastsTheTimeLimitAndArrivesEventByEvent() throws Exception {
    long started = System.nanoTime();
    HttpResponse<java.util.stream.Stream<String>> stream =
        http.send(
            HttpRequest.newBuilder(uri("/api/analytics/wallboard/stream"))
                .header("Authorization", "Bearer " + TestTokens.valid("sv-1", "SUPERVISOR"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofLines());

    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    List<Long> arrivals = new java.util.ArrayList<>();
    List<String> events =
        stream
            .body()
            .filter(line -> line.startsWith("data:"))
            .peek(line -> arrivals.add(System.nanoTime()))
            .toList();
    Duration lasted = Duration.ofNanos(System.nanoTime() - started);
    Duration toFirst = Duration.ofNanos(arrivals.get(0) - started);

    assertThat(events).hasSize(EVENTS).first().isEqualTo("data:{\"n\":0}");
    assertThat(events).last().isEqualTo("data:{\"n\":" + (EVENTS - 1) + "}");
    assertThat(lasted).isGreaterThan(Duration.ofSeconds(2));
    // Passed on as it comes, not gathered until the stream ends.
    assertThat(toFirst).isLessThan(lasted.minus(Duration.ofSeconds(1)));
  }

  @Test
  void theStreamNeedsAToken() throws Exception {
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(uri("/api/analytics/wallboard/stream")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(401);
  }

  @Test
  void theWallboardPageNeedsNoToken() throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(uri("/wallboard/")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).isEqualTo("<html>wallboard</html>");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Serves the page, and a stream of numbered events a fifth of a second apart. */
  private static final class AnalyticsBackend {

    private final HttpServer server;

    AnalyticsBackend() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/api/analytics/wallboard/stream", AnalyticsBackend::stream);
      server.createContext("/wallboard/", AnalyticsBackend::page);
      server.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void page(HttpExchange exchange) throws IOException {
      byte[] body = "<html>wallboard</html>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    }

    private static void stream(HttpExchange exchange) throws IOException {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        for (int n = 0; n < EVENTS; n++) {
          out.write(("event:board\ndata:{\"n\":" + n + "}\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          Thread.sleep(BETWEEN_EVENTS.toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
