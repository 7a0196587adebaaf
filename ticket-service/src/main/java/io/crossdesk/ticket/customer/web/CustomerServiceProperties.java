package io.crossdesk.ticket.customer.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where customer-service answers, for the rare ticket whose customer the projection does not know
 * yet.
 *
 * @param customerUri base URI of customer-service
 * @param customerTimeout connect and read timeout; short, because a caller is waiting
 */
@ConfigurationProperties("crossdesk.services")
public record CustomerServiceProperties(
    @DefaultValue("http://127.0.0.1:8081") URI customerUri,
    @DefaultValue("2s") Duration customerTimeout) {}
