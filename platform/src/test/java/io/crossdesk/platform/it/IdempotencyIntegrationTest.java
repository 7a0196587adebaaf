package io.crossdesk.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.platform.it.PlatformTestApplication.OrderController;
import io.crossdesk.platform.it.PlatformTestApplication.OrderController.Gate;
import io.crossdesk.testsupport.CrossdeskIntegrationTest;
import io.crossdesk.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@CrossdeskIntegrationTest
class IdempotencyIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @Autowired OrderController orders;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  @Test
  void a_retry_with_the_same_key_gets_the_first_answer_again_and_nothing_runs_twice()
      throws Exception {
    String item = unique("tea");
    String key = UUID.randomUUID().toString();
    double replays = replays();

    HttpResponse<String> first = order(key, item, TestTokens.agent());
    HttpResponse<String> retry = order(key, item, TestTokens.agent());

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retry.headers().firstValue("Location"))
        .isPresent()
        .isEqualTo(first.headers().firstValue("Location"));
    assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    assertThat(retry.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(retry.body()).isEqualTo(first.body()).contains(item);
    assertThat(orders.calls(item)).isEqualTo(1);
    assertThat(replays()).isEqualTo(replays + 1);
  }

  @Test
  void the_same_key_with_another_body_is_refused_and_the_first_answer_is_kept() throws Exception {
    String item = unique("coffee");
    String key = UUID.randomUUID().toString();
    double mismatches = conflicts("body-mismatch");
    HttpResponse<String> first = order(key, item, TestTokens.agent());

    HttpResponse<String> other = order(key, unique("cocoa"), TestTokens.agent());

    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(other.body())
        .contains("\"type\":\"urn:crossdesk:problem:idempotency-key-reused\"")
        .contains("Idempotency-Key")
        .contains(key)
        .doesNotContain(item);
    assertThat(conflicts("body-mismatch")).isEqualTo(mismatches + 1);
    HttpResponse<String> retry = order(key, item, TestTokens.agent());
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(orders.calls(item)).isEqualTo(1);
  }

  @Test
  void a_request_while_the_first_with_its_key_still_runs_is_told_to_retry_shortly()
      throws Exception {
    String item = unique("cake");
    String key = UUID.randomUUID().toString();
    double inProgress = conflicts("in-progress");
    Gate gate = new Gate();
    orders.gates.put(item, gate);

    CompletableFuture<HttpResponse<String>> first =
        http.sendAsync(
            request(key, item, TestTokens.agent()), HttpResponse.BodyHandlers.ofString());
    assertThat(gate.inside().await(30, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> concurrent = order(key, item, TestTokens.agent());
    gate.open().countDown();

    assertThat(concurrent.statusCode()).isEqualTo(409);
    assertThat(concurrent.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(concurrent.body())
        .contains("\"type\":\"urn:crossdesk:problem:idempotency-key-in-progress\"")
        .contains("in progress");
    assertThat(conflicts("in-progress")).isEqualTo(inProgress + 1);
    HttpResponse<String> answered = first.get(30, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).isEqualTo(201);
    HttpResponse<String> retry = order(key, item, TestTokens.agent());
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retry.body()).isEqualTo(answered.body());
    assertThat(orders.calls(item)).isEqualTo(1);
  }

  @Test
  void a_failed_request_releases_its_key_so_that_a_retry_runs_again() throws Exception {
    String item = unique("soup");
    String key = UUID.randomUUID().toString();
    orders.failNext.add(item);
    assertThat(order(key, item, TestTokens.agent()).statusCode()).isEqualTo(503);
    orders.crashNext.add(item);
    assertThat(order(key, item, TestTokens.agent()).statusCode()).isEqualTo(500);

    HttpResponse<String> retry = order(key, item, TestTokens.agent());

    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(order(key, item, TestTokens.agent()).headers().firstValue("Idempotent-Replayed"))
        .hasValue("true");
    assertThat(orders.calls(item)).isEqualTo(3);
  }

  @Test
  void a_client_error_is_the_answer_to_its_retries_too() throws Exception {
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = order(key, "", TestTokens.agent());
    HttpResponse<String> retry = order(key, "", TestTokens.agent());

    assertThat(first.statusCode()).isEqualTo(400);
    assertThat(retry.statusCode()).isEqualTo(400);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(retry.body()).isEqualTo(first.body()).contains("\"field\":\"item\"");
  }

  @Test
  void keys_are_the_callers_own() throws Exception {
    String item = unique("bread");
    String key = UUID.randomUUID().toString();

    HttpResponse<String> agent = order(key, item, TestTokens.agent());
    HttpResponse<String> supervisor = order(key, item, TestTokens.supervisor());

    assertThat(agent.statusCode()).isEqualTo(201);
    assertThat(supervisor.statusCode()).isEqualTo(201);
    assertThat(supervisor.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(supervisor.headers().firstValue("Location"))
        .isNotEqualTo(agent.headers().firstValue("Location"));
    assertThat(order(key, item, TestTokens.agent()).body()).isEqualTo(agent.body());
    assertThat(order(key, item, TestTokens.supervisor()).body()).isEqualTo(supervisor.body());
    assertThat(orders.calls(item)).isEqualTo(2);
  }

  @Test
  void an_invalid_key_is_refused_and_nothing_runs() throws Exception {
    String item = unique("jam");
    for (String key : List.of("", "k".repeat(256), "two words", "tab\there")) {
      HttpResponse<String> refused = order(key, item, TestTokens.agent());

      assertThat(refused.statusCode()).as(key).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.body()).contains("\"field\":\"Idempotency-Key\"");
    }
    assertThat(orders.calls(item)).isZero();
  }

  @Test
  void methods_other_than_post_ignore_the_header() throws Exception {
    HttpResponse<String> whoami =
        http.send(
            HttpRequest.newBuilder(uri("/whoami"))
                .header("Authorization", TestTokens.agent())
                .header("Idempotency-Key", "")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(whoami.statusCode()).isEqualTo(200);
  }

  @Test
  void every_post_documents_the_optional_header_once() throws Exception {
    apiDocs();
    JsonNode docs = apiDocs();

    assertThat(docs.at("/components/parameters/Idempotency-Key/in").asString()).isEqualTo("header");
    assertThat(docs.at("/components/parameters/Idempotency-Key/required").asBoolean()).isFalse();
    assertThat(docs.at("/paths/~1orders/post/parameters").findValuesAsString("$ref"))
        .containsExactly("#/components/parameters/Idempotency-Key");
    assertThat(docs.at("/paths/~1whoami/get/parameters").isMissingNode()).isTrue();
  }

  private JsonNode apiDocs() throws Exception {
    return JSON.readTree(
        http.send(
                HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private HttpResponse<String> order(String key, String item, String authorization)
      throws Exception {
    return http.send(request(key, item, authorization), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String key, String item, String authorization) {
    return HttpRequest.newBuilder(uri("/orders"))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"" + item + "\"}"))
        .build();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private double replays() {
    return meters.counter("crossdesk.idempotency.replays").count();
  }

  private double conflicts(String reason) {
    return meters.counter("crossdesk.idempotency.conflicts", "reason", reason).count();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
