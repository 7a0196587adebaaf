package io.crossdesk.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where each service listens. Properties rather than service discovery, so the local launcher and
 * the tests can point the gateway at whatever ports they started.
 */
@ConfigurationProperties("crossdesk.services")
public record ServiceUris(
    @DefaultValue("http://localhost:8081") URI customerUri,
    @DefaultValue("http://localhost:8082") URI ticketUri,
    @DefaultValue("http://localhost:8083") URI workorderUri,
    @DefaultValue("http://localhost:8084") URI notificationUri,
    @DefaultValue("http://localhost:8085") URI analyticsUri) {}
