package io.crossdesk.customer.profile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Documents a PATCH body (JSON merge patch): any of these fields, nothing else. */
@Schema(description = "Fields to change; null clears an optional one")
record CustomerPatchRequest(
    String name,
    String type,
    Boolean keyAccount,
    String region,
    List<String> phones,
    List<String> emails,
    String preferredChannel,
    String locale,
    Boolean notificationConsent,
    RegisterCustomerRequest.QuietHoursRequest quietHours,
    String accountManager,
    List<String> products,
    String status,
    BigDecimal yearlyRevenue,
    LocalDate customerSince,
    @Schema(description = "{tier, reason} sets a manual tier that sticks; null clears it")
        TierOverride tierOverride) {

  record TierOverride(String tier, String reason) {}
}
