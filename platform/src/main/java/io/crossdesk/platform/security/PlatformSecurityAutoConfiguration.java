package io.crossdesk.platform.security;

import io.crossdesk.security.Caller;
import io.crossdesk.security.SecurityProperties;
import io.crossdesk.security.TokenValidation;
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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

  /**
   * Every endpoint's capability is decided before its body is read ({@link
   * AuthorizeBeforeBinding}).
   */
  @Bean
  WebMvcConfigurer authorizeBeforeBinding() {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AuthorizeBeforeBinding());
      }
    };
  }

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(SecurityProperties properties) {
    NimbusJwtDecoder decoder =
        properties.hasJwkSetUri()
            ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
            : NimbusJwtDecoder.withPublicKey(properties.publicKey()).build();
    decoder.setJwtValidator(TokenValidation.validator(properties));
    return decoder;
  }

  @Bean
  @ConditionalOnMissingBean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(jwt -> List.copyOf(Caller.of(jwt).authorities()));
    return converter;
  }
}
