package io.crossdesk.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway without the local profile, as production runs it, with a tight rate limit so a test
 * can exhaust it in a few requests. Every subclass shares one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "crossdesk.rate-limit.burst=3",
      "crossdesk.rate-limit.requests-per-second=1",
      // A budget of its own for department staff reading work orders (RateLimitTest).
      "crossdesk.rate-limit.rules[0].name=department-queues",
      "crossdesk.rate-limit.rules[0].paths=/api/workorders/**",
      "crossdesk.rate-limit.rules[0].methods=GET",
      "crossdesk.rate-limit.rules[0].roles=DEPARTMENT",
      "crossdesk.rate-limit.rules[0].requests-per-second=1",
      "crossdesk.rate-limit.rules[0].burst=1"
    })
@AutoConfigureWebTestClient
public abstract class DefaultProfileGatewayTest {

  @Autowired protected WebTestClient client;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }
}
