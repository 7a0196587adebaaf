package io.crossdesk.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.crossdesk.security.Capability;
import io.crossdesk.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input through the gateway: bodies, headers and query parameters generated from the
 * services' own OpenAPI descriptions, sent to every POST, PUT and PATCH endpoint by a caller
 * allowed to use it. Every answer must be a 4xx with problem+json (never a 5xx, never a success),
 * and nothing stored may change: the documents of the services' business collections are counted
 * and hashed before and after.
 *
 * <p>Each body is wrong by construction: a field of the wrong JSON type, a value outside its enum,
 * a string over its maximum length, an operator where a value belongs, a required field null, or a
 * body that is not JSON of the expected shape at all. Ids in paths name nothing, so a body that a
 * service found acceptable would still change nothing; the answer would then be a 404.
 */
@ExtendWith(SharedSystem.class)
class HostileInputSystemTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> BODY_METHODS = Set.of("post", "put", "patch");
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final List<Role> PREFERRED =
      List.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT, Role.DEPARTMENT, Role.SYSTEM, Role.CUSTOMER);

  /**
   * Collections the requests could change, counted; those that change only through the API (no
   * timer, no event) also hashed. Business records that events of earlier tests may still touch (a
   * ticket escalating, a customer marked at risk, a subscriber disabled) are counted only.
   */
  private static final List<Watched> WATCHED =
      List.of(
          new Watched("customer-service", "customers", false),
          new Watched("customer-service", "tier_policies", true),
          new Watched("customer-service", "contacts", false),
          new Watched("ticket-service", "tickets", false),
          new Watched("ticket-service", "ticket_categories", true),
          new Watched("ticket-service", "sla_policies", true),
          new Watched("workorder-service", "work_orders", false),
          new Watched("workorder-service", "routing_rules", true),
          new Watched("workorder-service", "flow_templates", true),
          new Watched("workorder-service", "departments", true),
          new Watched("workorder-service", "configuration_changes", true),
          new Watched("notification-service", "notification_templates", true),
          new Watched("notification-service", "webhook_subscriptions", false),
          new Watched("notification-service", "staff_preferences", true),
          new Watched("analytics-service", "kpi_targets", true));

  /** Bodies above the gateway's limit (256 KB). */
  private static final int OVERSIZED = 256 * 1024;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Random random = new Random(20261206);

  @Test
  void a_thousand_hostile_requests_get_4xx_problem_details_and_change_nothing() throws Exception {
    GatewayClient gateway = SharedSystem.gateway();
    Map<String, String> before = fingerprints();

    List<Request> requests = new ArrayList<>();
    for (String service : AccessMatrix.SERVICES) {
      JsonNode docs = gateway.get("/v3/api-docs/" + service, null).json();
      JsonNode schemas = docs.path("components").path("schemas");
      JsonNode paths = docs.get("paths");
      for (String path : paths.propertyNames()) {
        for (String method : paths.get(path).propertyNames()) {
          if (!BODY_METHODS.contains(method)) {
            continue;
          }
          JsonNode operation = paths.get(path).get(method);
          if (!operation.has("requestBody")) {
            // Nothing to send: what such an action allows is the access matrix's to check.
            continue;
          }
          String routed = AccessMatrix.routed(service, path);
          JsonNode schema =
              resolve(
                  operation
                      .path("requestBody")
                      .path("content")
                      .path("application/json")
                      .path("schema"),
                  schemas);
          requests.addAll(hostile(method.toUpperCase(), routed, schema, schemas));
        }
      }
    }

    Map<String, String> tokens = new LinkedHashMap<>();
    SoftAssertions softly = new SoftAssertions();
    Map<Integer, Integer> statuses = new TreeMap<>();
    for (Request request : requests) {
      String token = tokens.computeIfAbsent(request.endpoint(), this::tokenFor);
      if (request.body().length() > OVERSIZED) {
        statuses.merge(oversized(request, token), 1, Integer::sum);
        continue;
      }
      HttpResponse<String> answer = send(request, http, token);
      statuses.merge(answer.statusCode(), 1, Integer::sum);
      String what = request + " -> " + answer.statusCode() + " " + answer.body();
      softly.assertThat(answer.statusCode()).as(what).isBetween(400, 499);
      softly
          .assertThat(answer.headers().firstValue("content-type").orElse(""))
          .as(what)
          .startsWith("application/problem+json");
    }
    System.out.println("hostile input: " + requests.size() + " requests, answers " + statuses);
    assertThat(requests).hasSizeGreaterThanOrEqualTo(1000);
    softly.assertAll();
    assertThat(fingerprints()).isEqualTo(before);
  }

  /** The hostile variants of one endpoint's request. */
  private List<Request> hostile(String method, String path, JsonNode schema, JsonNode schemas) {
    String target = PARAMETER.matcher(path).replaceAll("fuzz-$1");
    String endpoint = method + " " + path;
    List<Request> requests = new ArrayList<>();
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    schema.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
    for (Map.Entry<String, JsonNode> property : properties.entrySet()) {
      JsonNode definition = resolve(property.getValue(), schemas);
      for (JsonNode wrong : wrongValues(definition)) {
        ObjectNode body = JSON.createObjectNode();
        body.set(property.getKey(), wrong);
        requests.add(
            new Request(endpoint, method, target, "application/json", body.toString(), Map.of()));
      }
    }
    for (String body : wrongBodies(properties.keySet())) {
      requests.add(new Request(endpoint, method, target, "application/json", body, Map.of()));
    }
    requests.add(new Request(endpoint, method, target, "text/plain", "subject=hello", Map.of()));
    requests.add(
        new Request(
            endpoint,
            method,
            target + "?%24where=1&limit=-1&page=%FF",
            "application/json",
            "{\"$where\":1}",
            Map.of()));
    requests.add(
        new Request(
            endpoint,
            method,
            target,
            "application/json",
            "[".repeat(40) + "]".repeat(40),
            Map.of("If-Match", "\"" + "9".repeat(30) + "\"")));
    requests.add(
        new Request(
            endpoint,
            method,
            target,
            "application/json",
            "{\"x\":\"" + "A".repeat(300 * 1024) + "\"}",
            Map.of()));
    return requests;
  }

  /** Values no schema of this definition accepts. */
  private List<JsonNode> wrongValues(JsonNode definition) {
    List<JsonNode> values = new ArrayList<>();
    String type = definition.path("type").asString("");
    values.add(JSON.readTree("{\"$ne\":null}"));
    switch (type) {
      case "string" -> {
        values.add(JSON.readTree("{\"value\":\"x\"}"));
        values.add(JSON.readTree("[\"x\",\"y\"]"));
        if (definition.has("enum")) {
          values.add(JSON.getNodeFactory().stringNode("NOT_" + random.nextInt(1000)));
        }
        if (definition.has("maxLength")) {
          values.add(
              JSON.getNodeFactory()
                  .stringNode("\u00e9".repeat(definition.get("maxLength").asInt() + 1)));
        }
        if (definition.has("format")) {
          values.add(
              JSON.getNodeFactory().stringNode("not a " + definition.get("format").asString()));
        }
      }
      case "integer", "number" -> {
        values.add(JSON.getNodeFactory().stringNode("twelve"));
        values.add(JSON.readTree("1e400"));
        values.add(JSON.readTree("{}"));
      }
      case "boolean" -> {
        values.add(JSON.getNodeFactory().stringNode("perhaps"));
        values.add(JSON.readTree("[true]"));
      }
      case "array" -> {
        values.add(JSON.readTree("{\"0\":\"x\"}"));
        values.add(JSON.readTree("[{\"$gt\":\"\"}]"));
      }
      default -> {
        values.add(JSON.readTree("[1,2,3]"));
        values.add(JSON.getNodeFactory().stringNode("object expected"));
      }
    }
    return values;
  }

  /** Bodies that are not the expected JSON object at all. */
  private List<String> wrongBodies(Set<String> properties) {
    List<String> bodies =
        new ArrayList<>(
            List.of(
                "",
                "{",
                "null",
                "[]",
                "\"text\"",
                "42",
                "{\"a\":}",
                "{\"a\" 1}",
                "{'single':'quotes'}",
                "{\"a\":1}{\"b\":2}",
                "{\"$where\":\"function(){return true}\"}",
                "{\"filter.path\":1}",
                "{\"__proto__\":{\"admin\":true},\"$set\":{\"role\":\"ADMIN\"}}"));
    for (String property : properties) {
      bodies.add("{\"" + property + "\":{\"$regex\":\".*\"}}");
      bodies.add("{\"" + property + "\":\"half a pair \\ud800\"}");
    }
    return bodies;
  }

  /**
   * An oversized body, on a connection of its own: the gateway answers 413 on the stated length and
   * closes the connection without reading the rest, so the client may still be writing the body
   * when the connection goes, and never read the answer. Either is a refusal; what matters, that
   * nothing reached a service, the fingerprints show. Returns the status, or 0 for a connection
   * closed under the body.
   */
  private int oversized(Request request, String token) throws Exception {
    HttpClient own = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> answer = send(request, own, token);
      assertThat(answer.statusCode()).as(request + " " + answer.body()).isEqualTo(413);
      return answer.statusCode();
    } catch (java.io.IOException closed) {
      return 0;
    }
  }

  private HttpResponse<String> send(Request request, HttpClient client, String token)
      throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(SharedSystem.system().gatewayUrl() + request.target()))
            .timeout(Duration.ofSeconds(30))
            .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body()))
            .header("Content-Type", request.contentType())
            .header("Authorization", token);
    request.headers().forEach(builder::header);
    return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A token for a role the endpoint's capability grants, its own subject for the rate limit. */
  private String tokenFor(String endpoint) {
    Capability capability = AccessMatrix.capability(endpoint);
    Role role =
        capability == null
            ? Role.ADMIN
            : PREFERRED.stream().filter(capability.roles()::contains).findFirst().orElseThrow();
    String claims =
        switch (role) {
          case CUSTOMER -> ",\"customerId\":\"c-fuzz\"";
          case DEPARTMENT -> ",\"department\":\"billing\"";
          default -> "";
        };
    return SharedSystem.gateway()
        .token(
            "{\"sub\":\"fuzz-%d\",\"roles\":[\"%s\"]%s}"
                .formatted(Math.abs(endpoint.hashCode()), role, claims));
  }

  private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
    JsonNode current = schema;
    while (current.has("$ref")) {
      String ref = current.get("$ref").asString();
      current = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
    if (current.has("allOf") && current.get("allOf").size() == 1) {
      return resolve(current.get("allOf").get(0), schemas);
    }
    return current;
  }

  /** Per watched collection: its document count, and for some a hash of its documents. */
  private static Map<String, String> fingerprints() throws Exception {
    Map<String, String> fingerprints = new TreeMap<>();
    for (Watched watched : WATCHED) {
      String uri = SharedSystem.system().mongoUri(watched.service());
      try (MongoClient client = MongoClients.create(uri)) {
        MongoDatabase database =
            client.getDatabase(new com.mongodb.ConnectionString(uri).getDatabase());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long count = 0;
        for (Document document :
            database.getCollection(watched.collection()).find().sort(Sorts.ascending("_id"))) {
          if (watched.hashed()) {
            digest.update(document.toJson().getBytes(StandardCharsets.UTF_8));
          }
          count++;
        }
        fingerprints.put(
            database.getName() + "." + watched.collection(),
            count + (watched.hashed() ? " " + HexFormat.of().formatHex(digest.digest()) : ""));
      }
    }
    return fingerprints;
  }

  private record Watched(String service, String collection, boolean hashed) {}

  private record Request(
      String endpoint,
      String method,
      String target,
      String contentType,
      String body,
      Map<String, String> headers) {

    @Override
    public String toString() {
      return method
          + " "
          + target
          + " "
          + (body.length() > 120 ? body.substring(0, 120) + "..." : body);
    }
  }
}
