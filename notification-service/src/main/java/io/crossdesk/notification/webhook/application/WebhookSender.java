package io.crossdesk.notification.webhook.application;

import io.crossdesk.notification.webhook.domain.Delivery;
import io.crossdesk.notification.webhook.domain.DeliveryAttempt.Outcome;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.domain.WebhookSignature;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Sends one signed request to a subscriber through its circuit breaker: a 2xx answer is a success,
 * anything else (another status, a redirect, a timeout, a refused connection) a failure. An open
 * circuit sends nothing and counts as a failed attempt.
 */
@Component
class WebhookSender {

  private final HttpClient http;
  private final WebhookProperties properties;
  private final SubscriberIsolation isolation;
  private final Clock clock;

  WebhookSender(WebhookProperties properties, SubscriberIsolation isolation, Clock clock) {
    this.properties = properties;
    this.isolation = isolation;
    this.clock = clock;
    // Redirects are not followed: a subscriber could send the request on to the system itself.
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  Outcome send(Subscription subscription, Delivery delivery) {
    CircuitBreaker circuit = isolation.circuit(subscription.id());
    if (!circuit.tryAcquirePermission()) {
      return new Outcome(null, "not sent: the subscriber's circuit is open", 0);
    }
    Instant now = clock.instant();
    long started = System.nanoTime();
    try {
      HttpResponse<Void> response =
          http.send(request(subscription, delivery, now), HttpResponse.BodyHandlers.discarding());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      Outcome outcome = new Outcome(response.statusCode(), null, millis);
      if (outcome.succeeded()) {
        circuit.onSuccess(millis, TimeUnit.MILLISECONDS);
      } else {
        circuit.onError(
            millis, TimeUnit.MILLISECONDS, new IOException("status " + response.statusCode()));
      }
      return outcome;
    } catch (IOException | IllegalArgumentException failed) {
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      circuit.onError(millis, TimeUnit.MILLISECONDS, failed);
      String error =
          failed instanceof HttpTimeoutException
              ? "timed out"
              : failed.getClass().getSimpleName()
                  + (failed.getMessage() == null ? "" : ": " + failed.getMessage());
      return new Outcome(null, error, millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      circuit.releasePermission();
      return new Outcome(null, "interrupted: the service was stopping", 0);
    }
  }

  private HttpRequest request(Subscription subscription, Delivery delivery, Instant now) {
    long timestamp = now.getEpochSecond();
    // webhook-id is the event id: the same on every try and replay, so receivers de-duplicate by it
    String messageId = delivery.eventId();
    return HttpRequest.newBuilder(URI.create(subscription.url()))
        .timeout(properties.readTimeout())
        .header("Content-Type", subscription.format().contentType())
        .header("User-Agent", "Crossdesk-Webhooks/1")
        .header("webhook-id", messageId)
        .header("webhook-timestamp", Long.toString(timestamp))
        .header(
            "webhook-signature",
            WebhookSignature.of(
                messageId, timestamp, delivery.body(), subscription.activeSecrets(now)))
        .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
        .build();
  }
}
