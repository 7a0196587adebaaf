package io.crossdesk.gateway.security;

import io.crossdesk.security.Caller;
import io.crossdesk.security.SecurityProperties;
import io.crossdesk.security.TokenValidation;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Flux;

/**
 * The gateway is an OAuth2 resource server: nothing but health, info and metrics passes without a
 * valid token. The services check the same token again, so this is the first line, not the only
 * one. Stateless: no session, no saved requests, no CSRF (there are no cookies to ride on).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class GatewaySecurityConfiguration {

  static final String[] OPEN_PATHS = {
    "/actuator/health",
    "/actuator/health/**",
    "/actuator/info",
    "/actuator/prometheus",
    "/v3/api-docs/**"
  };

  /** Bounded, so that a flood of distinct tokens cannot fill the heap: each takes a few KB. */
  static final long REMEMBERED_TOKENS = 10_000;

  static final Duration REMEMBER_TOKEN_AT_MOST = Duration.ofMinutes(5);

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityWebFilterChain gatewaySecurityFilterChain(
      ServerHttpSecurity http,
      ReactiveJwtDecoder jwtDecoder,
      ProblemSecurityHandlers problems,
      CorsConfigurationSource cors,
      SecurityProperties properties) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .cors(spec -> spec.configurationSource(cors))
        .authorizeExchange(
            exchanges -> {
              exchanges.pathMatchers(OPEN_PATHS).permitAll();
              if (!properties.openPaths().isEmpty()) {
                exchanges.pathMatchers(properties.openPaths().toArray(String[]::new)).permitAll();
              }
              // The circuit-breaker fallback is reached by an internal forward only.
              exchanges.pathMatchers("/fallback/**").denyAll().anyExchange().authenticated();
            })
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(rolesAsAuthorities()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .build();
  }

  @Bean
  ReactiveJwtDecoder reactiveJwtDecoder(SecurityProperties properties) {
    NimbusReactiveJwtDecoder decoder =
        properties.hasJwkSetUri()
            ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
            : NimbusReactiveJwtDecoder.withPublicKey(properties.publicKey()).build();
    // The signature, and what every service checks again (TokenValidation).
    decoder.setJwtValidator(TokenValidation.validator(properties));
    return new CachedJwtDecoder(decoder, REMEMBERED_TOKENS, REMEMBER_TOKEN_AT_MOST);
  }

  /**
   * No observations of the security filter chain, authentication and authorization: each recorded
   * timers on every proxied request, which http.server.requests already times as a whole.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOriginPatterns(properties.allowedOriginPatterns());
    cors.setAllowedMethods(properties.allowedMethods());
    cors.setAllowedHeaders(properties.allowedHeaders());
    cors.setExposedHeaders(properties.exposedHeaders());
    cors.setMaxAge(properties.maxAge());
    cors.setAllowCredentials(false);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }

  /** The roles and the capabilities they grant, as authorities, as in every service. */
  private static ReactiveJwtAuthenticationConverter rolesAsAuthorities() {
    ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        jwt -> Flux.fromIterable(Caller.of(jwt).authorities()));
    return converter;
  }
}
