package io.crossdesk.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: no request reaches a business endpoint without a
 * valid token, even one that bypasses the gateway. Roles come from the {@code roles} claim.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain crossdeskSecurityFilterChain(HttpSecurity http, SecurityProperties properties)
      throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests -> {
              requests
                  .requestMatchers(
                      "/actuator/health",
                      "/actuator/health/**",
                      "/actuator/info",
                      "/actuator/prometheus",
                      "/v3/api-docs/**",
                      "/error")
                  .permitAll();
              if (!properties.openPaths().isEmpty()) {
                requests.requestMatchers(properties.openPaths().toArray(String[]::new)).permitAll();
              }
              requests.anyRequest().authenticated();
            })
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                    .accessDeniedHandler(ProblemSecurityHandlers.forbidden()))
        .exceptionHandling(
            exceptions ->
                exceptions
                    .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized())
                    .accessDeniedHandler(ProblemSecurityHandlers.forbidden()));
    return http.build();
  }

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(SecurityProperties properties) {
    NimbusJwtDecoder decoder =
        properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
            ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
            : NimbusJwtDecoder.withPublicKey(publicKey(properties)).build();
    // Every action is recorded against the caller, so a token must say who that is.
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuer()),
            new JwtClaimValidator<String>(
                JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank())));
    return decoder;
  }

  @Bean
  @ConditionalOnMissingBean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(PlatformSecurityAutoConfiguration::authorities);
    return converter;
  }

  /**
   * {@code "roles": ["AGENT"]} becomes the authority ROLE_AGENT, and each capability the roles
   * grant an authority of its name, which {@link Can} checks.
   */
  static Collection<GrantedAuthority> authorities(Jwt jwt) {
    Caller caller = Caller.of(jwt);
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (Role role : caller.roles()) {
      authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }
    for (Capability capability : Capability.grantedTo(caller.roles())) {
      authorities.add(new SimpleGrantedAuthority(capability.name()));
    }
    return authorities;
  }

  static RSAPublicKey publicKey(SecurityProperties properties) {
    if (properties.publicKeyLocation() == null) {
      throw new IllegalStateException(
          "Set crossdesk.security.jwk-set-uri or crossdesk.security.public-key-location");
    }
    try (InputStream in = properties.publicKeyLocation().getInputStream()) {
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Not an RSA public key: " + properties.publicKeyLocation(), e);
    }
  }
}
