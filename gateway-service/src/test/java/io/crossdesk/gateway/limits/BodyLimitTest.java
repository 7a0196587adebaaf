package io.crossdesk.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.crossdesk.gateway.TestServices;
import io.crossdesk.gateway.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bodies above the limit (shrunk to 64 KB here) are refused at the gateway with 413 before a
 * service sees a byte, whether they state their length or come in chunks; JSON nested deeper than 8
 * levels or with a string over 16 KB (shrunk too) with 400; bodies within the limits reach the
 * service whole.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "crossdesk.gateway.max-body-size=64KB",
      "crossdesk.gateway.max-json-depth=8",
      "crossdesk.gateway.max-json-string=16KB"
    })
class BodyLimitTest {

  private static final int LIMIT = 64 * 1024;
  private static final Tickets TICKETS = new Tickets();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("crossdesk.services.ticket-uri", TICKETS::uri);
  }

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String token = "Bearer " + TestTokens.valid("agent-7", "AGENT");

  @BeforeEach
  void forget() {
    TICKETS.received.clear();
  }

  @Test
  void aBodyThatStatesItIsTooLargeIsRefusedBeforeItIsRead() throws Exception {
    HttpResponse<String> refused =
        post(HttpRequest.BodyPublishers.ofString(json(LIMIT + 1)), token);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.body()).contains("\"status\":413").contains("larger than 65536 bytes");
    assertThat(TICKETS.received).isEmpty();
  }

  @Test
  void aChunkedBodyIsRefusedOnceItPassesTheLimit() throws Exception {
    HttpResponse<String> refused = post(chunked(json(LIMIT * 4)), token);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(TICKETS.received).isEmpty();
  }

  @Test
  void anOversizedBodyIsRefusedEvenWithoutAToken() throws Exception {
    HttpResponse<String> refused = post(HttpRequest.BodyPublishers.ofString(json(LIMIT * 2)), null);

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(TICKETS.received).isEmpty();
  }

  @Test
  void bodiesWithinTheLimitReachTheServiceWhole() throws Exception {
    String stated = json(LIMIT - 10);
    String inChunks = json(LIMIT / 2);

    assertThat(post(HttpRequest.BodyPublishers.ofString(stated), token).statusCode())
        .isEqualTo(201);
    assertThat(post(chunked(inChunks), token).statusCode()).isEqualTo(201);

    assertThat(TICKETS.received).containsExactly(stated.length(), inChunks.length());
  }

  private HttpResponse<String> post(HttpRequest.BodyPublisher body, String bearer)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets"))
            .header("Content-Type", "application/json")
            .POST(body);
    if (bearer != null) {
      request.header("Authorization", bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void jsonNestedTooDeepIsRefusedAndJsonWithinTheDepthPasses() throws Exception {
    HttpResponse<String> refused =
        post(HttpRequest.BodyPublishers.ofString("[".repeat(9) + "]".repeat(9)), token);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.body()).contains("nests deeper than 8 levels");
    String deepEnough = "[".repeat(8) + "]".repeat(8);
    assertThat(post(HttpRequest.BodyPublishers.ofString(deepEnough), token).statusCode())
        .isEqualTo(201);
    // Brackets inside a string, and escaped quotes, are text, not nesting.
    String text = "{\"title\":\"[[[[[[[[[[ \\\" {{{{{{{{{{\"}";
    assertThat(post(HttpRequest.BodyPublishers.ofString(text), token).statusCode()).isEqualTo(201);
    assertThat(TICKETS.received).containsExactly(deepEnough.length(), text.length());
  }

  @Test
  void aStringTooLongIsRefused() throws Exception {
    String body = "{\"description\":\"" + "x".repeat(16 * 1024 + 1) + "\"}";

    HttpResponse<String> refused = post(chunked(body), token);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("longer than 16384 bytes");
    assertThat(TICKETS.received).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"customerId\":{\"$ne\":null}}",
        "{\"$where\":\"sleep(1000)\"}",
        "{\"filter\":{\"status\":{\"$gt\":\"\"}}}",
        "{\"origin.externalId\":\"x\"}",
        "{\"values\" : [{\"a\":1},{\"\\u0024ne\":1}]}",
        "{\"a\\u002Eb\":1}"
      })
  void keysThatCouldBeReadAsQueryOperatorsOrPathsAreRefused(String body) throws Exception {
    HttpResponse<String> refused = post(HttpRequest.BodyPublishers.ofString(body), token);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.body()).contains("Keys starting with '$' or containing '.'");
    assertThat(TICKETS.received).isEmpty();
  }

  @Test
  void dollarsAndDotsInValuesAreText() throws Exception {
    String body = "{\"subject\":\"$where is my refund of $12.50?\",\"tags\":[\"$ne\",\"a.b\"]}";

    assertThat(post(HttpRequest.BodyPublishers.ofString(body), token).statusCode()).isEqualTo(201);
    assertThat(TICKETS.received).containsExactly(body.length());
  }

  /** A JSON body of about {@code size} bytes, in strings of 1,000. */
  private static String json(int size) {
    StringBuilder json = new StringBuilder("{\"lines\":[");
    while (json.length() < size - 1010) {
      json.append('"').append("x".repeat(1000)).append("\",");
    }
    int last = Math.max(0, size - json.length() - 4);
    json.append('"').append("x".repeat(last)).append("\"]}");
    return json.toString();
  }

  /** The body without a stated length: HTTP/1.1 sends it in chunks. */
  private static HttpRequest.BodyPublisher chunked(String body) {
    HttpRequest.BodyPublisher whole = HttpRequest.BodyPublishers.ofString(body);
    return HttpRequest.BodyPublishers.fromPublisher(
        (Flow.Subscriber<? super ByteBuffer> subscriber) -> whole.subscribe(subscriber));
  }

  /** ticket-service: takes a body in and answers 201, noting how many bytes it read. */
  private static final class Tickets {

    final List<Integer> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    Tickets() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
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

    private void handle(HttpExchange exchange) throws IOException {
      received.add(exchange.getRequestBody().readAllBytes().length);
      byte[] body = "{\"id\":\"t-1\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    }
  }
}
