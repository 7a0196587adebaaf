package io.crossdesk.gateway.devtoken;

import io.crossdesk.security.RsaPemKeys;
import io.crossdesk.security.SecurityProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

/**
 * Everything the development token endpoint needs, present only under the {@code local} profile.
 * Its own security chain opens exactly POST /dev/token; without the profile that path falls to the
 * main chain and needs a token like any other.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DevTokenConfiguration.PROFILE)
class DevTokenConfiguration {

  static final String PROFILE = "local";
  static final String PATH = "/dev/token";

  private static final Logger log = LoggerFactory.getLogger(DevTokenConfiguration.class);

  @Bean
  DevTokenMinter devTokenMinter(DevTokenProperties devToken, SecurityProperties security) {
    if (devToken.privateKeyLocation() == null) {
      throw new IllegalStateException(
          "The local profile needs crossdesk.dev-token.private-key-location");
    }
    log.warn(
        "POST {} mints tokens for any role (profile '{}'); never enable this profile in"
            + " production",
        PATH,
        PROFILE);
    return new DevTokenMinter(
        RsaPemKeys.privateKey(devToken.privateKeyLocation()),
        security.issuer(),
        security.audience(),
        devToken.ttl(),
        Clock.systemUTC());
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain devTokenSecurityFilterChain(
      ServerHttpSecurity http, CorsConfigurationSource cors) {
    return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, PATH))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .cors(spec -> spec.configurationSource(cors))
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .build();
  }
}
