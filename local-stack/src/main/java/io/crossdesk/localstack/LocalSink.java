package io.crossdesk.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP side of a local stack sink (the mail server, the SMS gateway): {@code GET <path>} lists
 * what it received as JSON, {@code GET <path>.txt} as one line each, and {@code GET /health}
 * answers UP. More routes are added by the sink itself.
 */
final class LocalSink implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;

  private LocalSink(HttpServer server) {
    this.server = server;
  }

  static LocalSink start(
      InetSocketAddress address,
      String path,
      Supplier<List<Map<String, Object>>> received,
      Function<Map<String, Object>, String> line)
      throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    server.createContext(
        "/health", exchange -> answer(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
    server.createContext(
        path + ".txt",
        exchange -> {
          if (!"GET".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "text/plain", "GET only\n");
            return;
          }
          StringBuilder text = new StringBuilder();
          List<Map<String, Object>> all = received.get();
          all.forEach(entry -> text.append(line.apply(entry)).append('\n'));
          text.append(all.size()).append(all.size() == 1 ? " message\n" : " messages\n");
          answer(exchange, 200, "text/plain; charset=utf-8", text.toString());
        });
    LocalSink sink = new LocalSink(server);
    sink.route(
        path,
        exchange -> {
          if (!"GET".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, "text/plain", "GET only\n");
            return;
          }
          answer(exchange, 200, "application/json", JSON.writeValueAsString(received.get()));
        });
    server.start();
    return sink;
  }

  /** Serves {@code path} (and below) with {@code handler}, replacing what served it before. */
  void route(String path, HttpHandler handler) {
    try {
      server.removeContext(path);
    } catch (IllegalArgumentException none) {
      // first handler for the path
    }
    server.createContext(path, handler);
  }

  static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
