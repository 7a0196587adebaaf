package io.crossdesk.systemtest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trace backend for the system under test: Zipkin's span intake ({@code POST /api/v2/spans}, a
 * JSON array of v2 spans), which the services' Zipkin exporters report to over HTTP, keeping every
 * span so a test can read one trace whole.
 */
final class SpanCollector implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** What a test reads of a span; kept small, since every request of the run is traced. */
  record Span(
      String traceId, String id, String parentId, String service, String kind, String name) {

    static Span of(JsonNode span) {
      return new Span(
          span.path("traceId").asString(),
          span.path("id").asString(),
          span.path("parentId").asString(null),
          span.path("localEndpoint").path("serviceName").asString(),
          span.path("kind").asString(null),
          span.path("name").asString());
    }
  }

  private final List<Span> spans = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  SpanCollector() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/api/v2/spans",
        exchange -> {
          try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
              exchange.sendResponseHeaders(405, -1);
              return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip"
                .equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
              body = new GZIPInputStream(body);
            }
            JsonNode reported = JSON.readTree(body.readAllBytes());
            reported.forEach(span -> spans.add(Span.of(span)));
            exchange.sendResponseHeaders(202, -1);
          }
        });
    server.start();
  }

  /** Where the services' exporters send their spans. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans";
  }

  /** The spans of one trace reported so far, in the order they arrived. */
  List<Span> trace(String traceId) {
    return spans.stream().filter(span -> traceId.equals(span.traceId())).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
