package io.crossdesk.notification.webhook.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * One page of deliveries: at most {@code limit}, older than the delivery of event {@code before}.
 */
record DeliveryQuery(
    @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}", message = "must be an event id") String before,
    @Min(1) @Max(100) Integer limit) {

  int limitOrDefault() {
    return limit == null ? 20 : limit;
  }
}
