package io.crossdesk.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

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

  /** The problem answers every operation can give, declared on each ({@link ProblemResponses}). */
  @Bean
  GlobalOpenApiCustomizer problemResponses() {
    return new ProblemResponses();
  }

  /** The platform honours an Idempotency-Key on every POST, which no controller declares itself. */
  @Bean
  @ConditionalOnBooleanProperty(name = "crossdesk.idempotency.enabled", matchIfMissing = true)
  GlobalOpenApiCustomizer idempotencyKeyOnEveryPost() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      if (openApi.getComponents() == null) {
        openApi.components(new Components());
      }
      openApi.getComponents().addParameters(IDEMPOTENCY_KEY, idempotencyKey());
      String reference = "#/components/parameters/" + IDEMPOTENCY_KEY;
      openApi.getPaths().values().stream()
          .map(PathItem::getPost)
          .filter(post -> post != null)
          .filter(
              post ->
                  post.getParameters() == null
                      || post.getParameters().stream()
                          .noneMatch(parameter -> reference.equals(parameter.get$ref())))
          .forEach(post -> post.addParametersItem(new Parameter().$ref(reference)));
    };
  }

  private static Parameter idempotencyKey() {
    return new Parameter()
        .in("header")
        .name(IDEMPOTENCY_KEY)
        .required(false)
        .description(
            "Makes a POST safe to retry: a retry with the same key and the same body is answered"
                + " what the first request was answered (marked Idempotent-Replayed: true) without"
                + " running again. The same key with another body answers 422; while the first"
                + " request is still running, 409 with Retry-After. Keys are the caller's own and"
                + " expire after the service's retention, 24 hours by default.")
        .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$"));
  }
}
