package io.crossdesk.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.gateway.ProblemWriter;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {

  private final RateLimitFilter filter =
      new RateLimitFilter(
          new RateLimitProperties(true, 1, 2, Duration.ofMinutes(10), 1000, java.util.List.of()),
          new ProblemWriter(JsonMapper.builder().build()));

  private final AtomicInteger passed = new AtomicInteger();
  private final WebFilterChain chain =
      exchange -> {
        passed.incrementAndGet();
        return Mono.empty();
      };

  @Test
  void anonymousCallersAreLimitedPerIpAddress() {
    assertThat(status(anonymous("10.0.0.1"))).isNull();
    assertThat(status(anonymous("10.0.0.1"))).isNull();
    assertThat(status(anonymous("10.0.0.1"))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(status(anonymous("10.0.0.2"))).isNull();
    assertThat(passed).hasValue(3);
  }

  @Test
  void authenticatedCallersAreLimitedPerSubjectWhereverTheyCallFrom() {
    status(as("agent-7", "10.0.0.1"));
    status(as("agent-7", "10.0.0.2"));

    assertThat(status(as("agent-7", "10.0.0.3"))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(status(as("agent-8", "10.0.0.3"))).isNull();
  }

  @Test
  void rejectionSaysWhenToRetry() {
    status(anonymous("10.0.0.9"));
    status(anonymous("10.0.0.9"));
    ServerWebExchange limited = anonymous("10.0.0.9");
    filter.filter(limited, chain).block();

    assertThat(limited.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
    assertThat(limited.getResponse().getHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
  }

  @Test
  void actuatorIsExempt() {
    for (int i = 0; i < 5; i++) {
      ServerWebExchange probe =
          MockServerWebExchange.from(
              MockServerHttpRequest.get("/actuator/health")
                  .remoteAddress(new InetSocketAddress("10.0.0.5", 4000)));
      assertThat(status(probe)).isNull();
    }
  }

  private HttpStatus status(ServerWebExchange exchange) {
    filter.filter(exchange, chain).block();
    return exchange.getResponse().getStatusCode() == null
        ? null
        : HttpStatus.valueOf(exchange.getResponse().getStatusCode().value());
  }

  private static ServerWebExchange anonymous(String ip) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.post("/dev/token").remoteAddress(new InetSocketAddress(ip, 4000)));
  }

  private static ServerWebExchange as(String subject, String ip) {
    Principal principal = () -> subject;
    return anonymous(ip).mutate().principal(Mono.just(principal)).build();
  }
}
