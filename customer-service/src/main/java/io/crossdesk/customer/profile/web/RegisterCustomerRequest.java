package io.crossdesk.customer.profile.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the desk sends to register a customer; documents the body, which is read field by field so
 * that every invalid one is named. Old requests ({name, type, tier, phone, email}) stay valid.
 */
@Schema(description = "A customer to register")
record RegisterCustomerRequest(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"INDIVIDUAL", "ENTERPRISE"})
        String type,
    @Schema(
            description = "Manual tier (an override); left out, the tier policy decides",
            allowableValues = {"A", "B", "C"})
        String tier,
    @Schema(description = "Why the manual tier; default 'set at registration'") String tierReason,
    @Schema(description = "First phone; any spelling, stored in E.164") String phone,
    @Schema(description = "More phones") List<String> phones,
    @Schema(description = "First e-mail address") String email,
    @Schema(description = "More e-mail addresses") List<String> emails,
    Boolean keyAccount,
    @Schema(description = "Region code, e.g. CN-SH") String region,
    @Schema(
            allowableValues = {
              "HOTLINE",
              "SMS",
              "WEB",
              "APP",
              "BRANCH",
              "ACCOUNT_MANAGER",
              "EMAIL",
              "SYSTEM"
            })
        String preferredChannel,
    @Schema(
            allowableValues = {"zh-CN", "en-US"},
            defaultValue = "zh-CN")
        String locale,
    @Schema(defaultValue = "true") Boolean notificationConsent,
    QuietHoursRequest quietHours,
    @Schema(description = "Staff id of the account manager") String accountManager,
    @Schema(description = "Codes of subscribed products or services") List<String> products,
    @Schema(
            allowableValues = {"ACTIVE", "SUSPENDED", "CLOSED"},
            defaultValue = "ACTIVE")
        String status,
    @Schema(description = "Yearly revenue, for the tier policy") BigDecimal yearlyRevenue,
    @Schema(description = "Customer since, for the tier policy") LocalDate customerSince) {

  record QuietHoursRequest(
      @Schema(example = "22:00") String from,
      @Schema(example = "08:00") String to,
      @Schema(example = "Asia/Shanghai") String zone) {}
}
