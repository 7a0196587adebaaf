package io.crossdesk.localstack;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Usage: {@code SmsGatewayMain <data-directory> <http-port> [host]}. The local stack's SMS gateway:
 * it takes messages as an HTTP SMS gateway does and sends them nowhere, keeping each in {@code
 * sms.jsonl} so that {@code ./local-stack.sh sms} can list them.
 *
 * <ul>
 *   <li>{@code POST /messages} with {@code {"to": "+8613900000001", "text": "...", "from":
 *       "Crossdesk", "reference": "..."}}: 202 with {@code {"id": "sms-1", "status": "ACCEPTED"}},
 *       or 400 with problem details naming the field.
 *   <li>{@code GET /messages}, {@code GET /messages.txt}: what it took, oldest first.
 *   <li>{@code POST /failures} with {@code {"count": 3, "status": 503}}: the next three messages
 *       are refused with that status, to see what the senders do when a provider fails.
 * </ul>
 */
public final class SmsGatewayMain {

  static final String FILE = "sms.jsonl";
  private static final TypeReference<Map<String, Object>> STORED = new TypeReference<>() {};

  private final Path file;
  private final Clock clock;
  private final List<Map<String, Object>> received = new ArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile int failureStatus = 503;

  SmsGatewayMain(Path directory, Clock clock) throws IOException {
    Files.createDirectories(directory);
    this.file = directory.resolve(FILE);
    this.clock = clock;
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          received.add(LocalSink.JSON.readValue(line, STORED));
        }
      }
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: SmsGatewayMain <data-directory> <http-port> [host]");
      System.exit(2);
    }
    LocalLogging.useBundledConfiguration();
    String host = args.length > 2 ? args[2] : "127.0.0.1";
    SmsGatewayMain gateway = new SmsGatewayMain(Path.of(args[0]), Clock.systemUTC());
    LocalSink sink = gateway.start(new InetSocketAddress(host, Integer.parseInt(args[1])));
    Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "sms-shutdown"));
    System.out.println("SMS gateway ready: http://" + host + ":" + args[1] + "/messages");
  }

  LocalSink start(InetSocketAddress address) throws IOException {
    LocalSink sink = LocalSink.start(address, "/messages", this::all, SmsGatewayMain::line);
    sink.route(
        "/messages",
        exchange -> {
          if ("POST".equals(exchange.getRequestMethod())) {
            take(exchange);
          } else {
            LocalSink.answer(
                exchange, 200, "application/json", LocalSink.JSON.writeValueAsString(all()));
          }
        });
    sink.route("/failures", this::failNext);
    return sink;
  }

  synchronized List<Map<String, Object>> all() {
    return List.copyOf(received);
  }

  private void take(HttpExchange exchange) throws IOException {
    if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      problem(exchange, failureStatus, "The SMS gateway is failing on purpose", null);
      return;
    }
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = LocalSink.JSON.readTree(in);
    } catch (JacksonException notJson) {
      problem(exchange, 400, "The body is not JSON", null);
      return;
    }
    String to = text(body, "to");
    String message = text(body, "text");
    if (to == null || !to.matches("\\+?[0-9 ()-]{5,32}")) {
      problem(exchange, 400, "A phone number is needed", "to");
      return;
    }
    if (message == null || message.isBlank()) {
      problem(exchange, 400, "A text is needed", "text");
      return;
    }
    Map<String, Object> sms = new LinkedHashMap<>();
    synchronized (this) {
      sms.put("id", "sms-" + (received.size() + 1));
      sms.put("receivedAt", clock.instant().toString());
      sms.put("to", to);
      sms.put("from", text(body, "from"));
      sms.put("reference", text(body, "reference"));
      sms.put("text", message);
      received.add(sms);
      Files.writeString(
          file,
          LocalSink.JSON.writeValueAsString(sms) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    LocalSink.answer(
        exchange,
        202,
        "application/json",
        LocalSink.JSON.writeValueAsString(Map.of("id", sms.get("id"), "status", "ACCEPTED")));
  }

  private void failNext(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      LocalSink.answer(exchange, 405, "text/plain", "POST only\n");
      return;
    }
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = LocalSink.JSON.readTree(in);
    } catch (JacksonException notJson) {
      problem(exchange, 400, "The body is not JSON", null);
      return;
    }
    int status = body.path("status").asInt(503);
    if (status < 400 || status > 599) {
      problem(exchange, 400, "A failure status is 4xx or 5xx", "status");
      return;
    }
    failureStatus = status;
    failuresLeft.set(Math.max(0, body.path("count").asInt(1)));
    LocalSink.answer(exchange, 204, "application/json", "");
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }

  private static void problem(HttpExchange exchange, int status, String detail, String field)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("status", status);
    problem.put("detail", detail);
    if (field != null) {
      problem.put("errors", List.of(Map.of("field", field, "message", detail)));
    }
    LocalSink.answer(
        exchange, status, "application/problem+json", LocalSink.JSON.writeValueAsString(problem));
  }

  private static String line(Map<String, Object> sms) {
    return sms.get("receivedAt") + "  to " + sms.get("to") + "  " + sms.get("text");
  }
}
