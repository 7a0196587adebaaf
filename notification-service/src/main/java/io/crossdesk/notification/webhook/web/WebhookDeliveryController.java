package io.crossdesk.notification.webhook.web;

import io.crossdesk.notification.webhook.application.DeliveryReplays;
import io.crossdesk.notification.webhook.application.WebhookSubscriptions;
import io.crossdesk.notification.webhook.domain.Delivery;
import io.crossdesk.notification.webhook.domain.Subscription;
import io.crossdesk.notification.webhook.persistence.DeliveryLog;
import io.crossdesk.platform.web.NotFoundException;
import io.crossdesk.security.Can;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/webhooks/{id}/deliveries")
@PreAuthorize(Can.MANAGE_WEBHOOKS)
class WebhookDeliveryController {

  private final WebhookSubscriptions subscriptions;
  private final DeliveryLog log;
  private final DeliveryReplays replays;

  WebhookDeliveryController(
      WebhookSubscriptions subscriptions, DeliveryLog log, DeliveryReplays replays) {
    this.subscriptions = subscriptions;
    this.log = log;
    this.replays = replays;
  }

  @GetMapping
  @Operation(
      summary = "The subscription's deliveries, newest first, with their attempts",
      description =
          "One page of at most limit (1-100, default 20); pass the eventId of the last one as"
              + " before for the next page (also in the Link header, rel=next, when the page is"
              + " full).")
  ResponseEntity<List<DeliveryView>> deliveries(
      @PathVariable String id, @Valid @ModelAttribute DeliveryQuery query) {
    Subscription subscription = subscriptions.get(id);
    Delivery before =
        query.before() == null
            ? null
            : log.find(Delivery.idOf(subscription.id(), query.before()))
                .orElseThrow(() -> new NotFoundException("no delivery of event " + query.before()));
    List<Delivery> page = log.newest(subscription.id(), before, query.limitOrDefault());
    ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
    if (page.size() == query.limitOrDefault()) {
      answer.header(
          HttpHeaders.LINK,
          "</api/webhooks/"
              + id
              + "/deliveries?limit="
              + query.limitOrDefault()
              + "&before="
              + URLEncoder.encode(page.get(page.size() - 1).eventId(), StandardCharsets.UTF_8)
              + ">; rel=\"next\"");
    }
    return answer.body(page.stream().map(DeliveryView::summary).toList());
  }

  @GetMapping("/{eventId}")
  @Operation(summary = "One delivery: the body sent and every attempt")
  DeliveryView delivery(@PathVariable String id, @PathVariable String eventId) {
    Subscription subscription = subscriptions.get(id);
    return log.find(Delivery.idOf(subscription.id(), eventId))
        .map(DeliveryView::detail)
        .orElseThrow(() -> new NotFoundException("no delivery of event " + eventId));
  }

  @PostMapping("/{eventId}/replay")
  @Operation(
      summary = "Send one delivery again, now",
      description =
          "The same body and webhook-id with a fresh timestamp and signature, whatever the"
              + " delivery's status; the attempt is added to its log. 503 when the subscriber has"
              + " as many requests in flight as its bulkhead allows.")
  DeliveryView replay(@PathVariable String id, @PathVariable String eventId) {
    return DeliveryView.detail(replays.replay(subscriptions.get(id), eventId));
  }

  @ExceptionHandler(BulkheadFullException.class)
  ProblemDetail busy(BulkheadFullException full) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.SERVICE_UNAVAILABLE,
        "The subscriber has as many requests in flight as it may: try again shortly.");
  }
}
