package io.crossdesk.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Each service describes its REST API at {@code /v3/api-docs}; the gateway serves them all under
 * {@code /v3/api-docs/<service>}. Paths are relative to the server the document came from, so the
 * same document works directly and through the gateway.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class PlatformOpenApiAutoConfiguration {

  private static final String BEARER = "bearer";

  @Bean
  @ConditionalOnMissingBean
  OpenAPI crossdeskOpenApi(@Value("${spring.application.name}") String service) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Crossdesk " + service)
                .version("v1")
                .description(
                    "Errors answer application/problem+json (RFC 9457); invalid fields are listed"
                        + " under errors[{field, message}]."))
        .addServersItem(new Server().url("/"))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme(BEARER)
                        .bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }
}
