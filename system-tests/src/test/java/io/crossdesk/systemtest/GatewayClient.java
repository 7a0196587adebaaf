package io.crossdesk.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a front-end app does: get a token, call the REST API through the gateway. */
final class GatewayClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  GatewayClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A bearer token from the local stack's development token endpoint. */
  String token(String requestBody) {
    Response response = send("POST", "/dev/token", requestBody, null);
    if (response.status() != 200) {
      throw new IllegalStateException("no token: " + response);
    }
    return "Bearer " + response.json().get("access_token").asString();
  }

  Response post(String path, String body, String token) {
    return send("POST", path, body, token);
  }

  Response put(String path, String body, String token) {
    return send("PUT", path, body, token);
  }

  Response get(String path, String token) {
    return send("GET", path, null, token);
  }

  /** Any request, with the body's content type as given, answered in full (headers included). */
  HttpResponse<String> exchange(
      String method, String path, String contentType, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", contentType);
    }
    if (token != null) {
      request.header("Authorization", token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Response send(String method, String path, String body, String token) {
    HttpResponse<String> response = exchange(method, path, "application/json", body, token);
    return new Response(
        response.statusCode(),
        response.headers().firstValue("content-type").orElse(""),
        response.body());
  }

  record Response(int status, String contentType, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }
}
