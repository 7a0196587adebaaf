package io.crossdesk.gateway.devtoken;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.gateway.DefaultProfileGatewayTest;
import io.crossdesk.gateway.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

/** Outside the local profile nobody can mint tokens: the endpoint is not there at all. */
class DevTokenWithoutLocalProfileTest extends DefaultProfileGatewayTest {

  private static final String BODY = "{\"sub\":\"intruder\",\"roles\":[\"ADMIN\"]}";

  @Autowired ApplicationContext context;

  @Test
  void noMinterBeanExists() {
    assertThat(context.getBeanNamesForType(DevTokenMinter.class)).isEmpty();
    assertThat(context.getBeanNamesForType(DevTokenController.class)).isEmpty();
  }

  @Test
  void anonymousPostIsUnauthorized() {
    client
        .post()
        .uri("/dev/token")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(BODY)
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void evenWithAValidTokenThePathIsNotFound() {
    client
        .post()
        .uri("/dev/token")
        .header("Authorization", "Bearer " + TestTokens.valid("admin-1", "ADMIN"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(BODY)
        .exchange()
        .expectStatus()
        .isNotFound();
  }
}
