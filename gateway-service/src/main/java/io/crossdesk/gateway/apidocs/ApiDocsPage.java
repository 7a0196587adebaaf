package io.crossdesk.gateway.apidocs;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.webjars.WebJarVersionLocator;

/**
 * One browsable page for every service's REST API at {@code /api-docs/}: Swagger UI (from its
 * webjar, at {@code /api-docs/lib/}) over the OpenAPI documents the gateway serves at {@code
 * /v3/api-docs/<service>}. Everything the page loads comes from the gateway; the page and its
 * library need no token, the calls tried from it do.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsPage implements WebFluxConfigurer {

  @Bean
  RouterFunction<ServerResponse> apiDocsRoutes() {
    ClassPathResource page = new ClassPathResource("static/api-docs/index.html");
    return RouterFunctions.route()
        .GET(
            "/api-docs",
            request -> ServerResponse.permanentRedirect(URI.create("/api-docs/")).build())
        .GET(
            "/api-docs/",
            request ->
                ServerResponse.ok()
                    .contentType(MediaType.TEXT_HTML)
                    .cacheControl(CacheControl.noCache())
                    .bodyValue(page))
        .build();
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/api-docs/lib/**")
        .addResourceLocations(
            "classpath:/META-INF/resources/webjars/swagger-ui/"
                + Objects.requireNonNull(
                    new WebJarVersionLocator().version("swagger-ui"),
                    "the Swagger UI webjar is missing")
                + "/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    registry
        .addResourceHandler("/api-docs/*.js")
        .addResourceLocations("classpath:/static/api-docs/")
        .setCacheControl(CacheControl.noCache());
  }
}
