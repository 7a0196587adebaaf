package io.crossdesk.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One-shot readiness checks; callers poll them until a deadline. */
public final class Probes {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

  private Probes() {}

  /** The Spring Boot actuator health endpoint of a service listening on localhost. */
  public static URI actuatorHealth(int port) {
    return URI.create("http://127.0.0.1:" + port + "/actuator/health");
  }

  /** True when the URL answers 200 with a body that reports status UP. */
  public static boolean isHttpUp(URI url) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** True when something accepts TCP connections on host:port. */
  public static boolean isPortOpen(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
