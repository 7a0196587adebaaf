package io.crossdesk.customer;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How customer-service reads what the desk enters and whom it shows what.
 *
 * @param defaultCountryCode country code of phone numbers given without one
 * @param contactDepartments departments whose steps need to reach the customer (installation,
 *     call-back) when a routed work order does not say
 * @param claimLease how long a phone or e-mail claimed by an unfinished write stays reserved for it
 */
@ConfigurationProperties("crossdesk.customers")
public record CustomerProperties(
    @DefaultValue("86") String defaultCountryCode,
    @DefaultValue({"field-service", "service-center"}) List<String> contactDepartments,
    @DefaultValue("60s") Duration claimLease) {}
