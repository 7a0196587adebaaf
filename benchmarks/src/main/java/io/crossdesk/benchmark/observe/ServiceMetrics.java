package io.crossdesk.benchmark.observe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads each service's /actuator/prometheus (no token needed there). */
public final class ServiceMetrics {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final Map<String, URI> endpoints = Collections.synchronizedMap(new LinkedHashMap<>());

  public ServiceMetrics(Map<String, URI> services) {
    services.forEach((name, base) -> endpoints.put(name, base.resolve("/actuator/prometheus")));
  }

  /** Scrapes one more instance from now on (a replica the benchmark started). */
  public void watch(String name, URI base) {
    endpoints.put(name, base.resolve("/actuator/prometheus"));
  }

  /** Every service that answered; one that did not is left out of this scrape. */
  public Map<String, PrometheusText> scrape() {
    Map<String, PrometheusText> all = new LinkedHashMap<>();
    Map<String, URI> now;
    synchronized (endpoints) {
      now = new LinkedHashMap<>(endpoints);
    }
    now.forEach((name, uri) -> scrape(uri).ifPresent(text -> all.put(name, text)));
    return all;
  }

  private Optional<PrometheusText> scrape(URI uri) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? Optional.of(PrometheusText.parse(response.body()))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
