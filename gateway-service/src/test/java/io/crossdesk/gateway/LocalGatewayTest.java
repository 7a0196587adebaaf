package io.crossdesk.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as the local stack runs it (profile {@code local}), on a real port, in front of real
 * HTTP servers. Every subclass shares one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // Small windows and limits so a test can open a breaker, hit a time-out or fill a bulkhead
      // quickly.
      "resilience4j.circuitbreaker.instances.analytics-service.sliding-window-size=2",
      "resilience4j.circuitbreaker.instances.analytics-service.minimum-number-of-calls=2",
      "resilience4j.timelimiter.instances.workorder-service.timeout-duration=500ms",
      "resilience4j.bulkhead.instances.notification-service.max-concurrent-calls=1"
    })
@AutoConfigureWebTestClient
@ActiveProfiles("local")
public abstract class LocalGatewayTest {

  @Autowired protected WebTestClient client;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }
}
