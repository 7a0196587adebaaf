package io.crossdesk.customer.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The customer API over real HTTP, as the gateway or a desk client calls it. */
public final class CustomerApi {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public CustomerApi(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public HttpResponse<String> register(String token, Map<String, ?> body) {
    return post(token, JSON.writeValueAsString(body), Map.of());
  }

  HttpResponse<String> post(String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request("/api/customers", token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  public HttpResponse<String> patch(String path, String token, String ifMatch, String body) {
    HttpRequest.Builder request =
        request(path, token)
            .header("Content-Type", "application/merge-patch+json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request.build());
  }

  public HttpResponse<String> send(String method, String path, String token, String body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public HttpResponse<String> search(String parameter, String value, String token) {
    return get(
        "/api/customers?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8),
        token);
  }

  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  public static Map<String, Object> validCustomer(String name, String phone, String email) {
    return Map.of("name", name, "type", "INDIVIDUAL", "tier", "B", "phone", phone, "email", email);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    return token == null ? request : request.header("Authorization", token);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
