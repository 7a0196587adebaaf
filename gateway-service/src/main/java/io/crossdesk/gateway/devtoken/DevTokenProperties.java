package io.crossdesk.gateway.devtoken;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The development token endpoint's signing key and token lifetime. Only read under the {@code
 * local} profile.
 *
 * @param privateKeyLocation RSA private key in PKCS#8 PEM, the pair of the services' public key
 * @param ttl how long a minted token stays valid; a working day, so nobody re-mints mid-demo
 */
@ConfigurationProperties("crossdesk.dev-token")
public record DevTokenProperties(Resource privateKeyLocation, @DefaultValue("8h") Duration ttl) {}
