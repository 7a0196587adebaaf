package io.crossdesk.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Properties;
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

/**
 * One browsable page for every service's REST API at {@code /api-docs/}: Swagger UI (from its
 * webjar, at {@code /api-docs/lib/}) over the OpenAPI documents the gateway serves at {@code
 * /v3/api-docs/<service>}. Everything the page loads comes from the gateway; the page and its
 * library need no token, the calls tried from it do.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsPage implements WebFluxConfigurer {

  static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

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
            "classpath:/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    registry
        .addResourceHandler("/api-docs/*.js")
        .addResourceLocations("classpath:/static/api-docs/")
        .setCacheControl(CacheControl.noCache());
  }

  /** The version of the Swagger UI webjar on the class path, as its Maven descriptor states it. */
  static String swaggerUiVersion() {
    try (InputStream pom = ApiDocsPage.class.getClassLoader().getResourceAsStream(SWAGGER_UI_POM)) {
      if (pom == null) {
        throw new IllegalStateException("the Swagger UI webjar is missing: " + SWAGGER_UI_POM);
      }
      Properties properties = new Properties();
      properties.load(pom);
      return properties.getProperty("version");
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
