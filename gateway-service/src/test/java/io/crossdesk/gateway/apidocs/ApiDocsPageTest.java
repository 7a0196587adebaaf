package io.crossdesk.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.gateway.LocalGatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ApiDocsPageTest extends LocalGatewayTest {

  @Test
  void theCombinedApiPageAndItsLibraryAreServedWithoutAToken() {
    client
        .get()
        .uri("/api-docs")
        .exchange()
        .expectStatus()
        .isPermanentRedirect()
        .expectHeader()
        .location("/api-docs/");
    String page =
        client
            .get()
            .uri("/api-docs/")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).contains("lib/swagger-ui-bundle.js", "api-docs.js", "Authorize");

    String script =
        client
            .get()
            .uri("/api-docs/api-docs.js")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(script)
        .contains(
            "ticket-service",
            "workorder-service",
            "customer-service",
            "notification-service",
            "analytics-service",
            "/v3/api-docs/");
    for (String file :
        new String[] {
          "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"
        }) {
      client.get().uri("/api-docs/lib/" + file).exchange().expectStatus().isOk();
    }
  }
}
