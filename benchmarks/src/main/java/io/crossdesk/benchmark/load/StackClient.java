package io.crossdesk.benchmark.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few REST calls that prepare a run: a token, a customer, and a check that intake knows it. */
public final class StackClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = Http.client();
  private final URI gateway;
  private final URI ticketService;

  public StackClient(URI gateway, URI ticketService) {
    this.gateway = gateway;
    this.ticketService = ticketService;
  }

  /** An AGENT token from the gateway's development token endpoint. */
  public String agentToken() {
    return agentToken("benchmark-agent");
  }

  /** Tokens of {@code count} agents, benchmark-agent-1 and on: one per REST connection. */
  public List<String> agentTokens(int count) {
    List<String> tokens = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      tokens.add(agentToken("benchmark-agent-" + i));
    }
    return tokens;
  }

  private String agentToken(String subject) {
    JsonNode token =
        expect(
            200,
            post(
                gateway.resolve("/dev/token"),
                "{\"sub\":\"" + subject + "\",\"roles\":[\"AGENT\"]}",
                null));
    return "Bearer " + token.get("access_token").asString();
  }

  public String registerCustomer(String token) {
    String body =
        """
        {"name":"Benchmark Customer","type":"ENTERPRISE","tier":"B","phone":"+1-555-%07d",
         "email":"benchmark-%s@crossdesk.example"}
        """
            .formatted(
                java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000),
                java.util.UUID.randomUUID());
    return expect(201, post(gateway.resolve("/api/customers"), body, token)).get("id").asString();
  }

  /** True once ticket-service holds a ticket for the intake request {@code externalId}. */
  public boolean intakeOpened(String externalId, String token, Duration within) {
    Instant deadline = Instant.now().plus(within);
    URI search = ticketService.resolve("/api/tickets?externalId=" + externalId);
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> found = send(HttpRequest.newBuilder(search).GET(), token);
      if (found.statusCode() == 200 && !JSON.readTree(found.body()).path("items").isEmpty()) {
        return true;
      }
      sleep(Duration.ofMillis(250));
    }
    return false;
  }

  private HttpResponse<String> post(URI uri, String body, String token) {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        token);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String token) {
    if (token != null) {
      request.header("Authorization", token);
    }
    try {
      return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot reach " + gateway + " or " + ticketService + ": is the stack up?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return JSON.readTree(response.body());
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
