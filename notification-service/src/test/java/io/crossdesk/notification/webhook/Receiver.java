package io.crossdesk.notification.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook subscriber as another system would run it: a plain HTTP server on a free loopback port
 * that records what it receives and answers each path with the status it was told to. The TMF621
 * listener tests receive with it too.
 */
public final class Receiver implements AutoCloseable {

  public record Received(String path, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      return headers.get(name).get(0);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

  public Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          Map<String, List<String>> headers = new ConcurrentHashMap<>();
          exchange
              .getRequestHeaders()
              .forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
          String path = exchange.getRequestURI().getPath();
          received.add(new Received(path, headers, body));
          exchange.sendResponseHeaders(statuses.getOrDefault(path, 204), -1);
          exchange.close();
        });
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public void answer(String path, int status) {
    statuses.put(path, status);
  }

  public List<Received> at(String path) {
    return received.stream().filter(one -> one.path().equals(path)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
