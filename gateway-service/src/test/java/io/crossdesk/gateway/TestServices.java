package io.crossdesk.gateway;

import io.crossdesk.testsupport.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The services behind the gateway during tests: one real HTTP server each, except
 * analytics-service, whose port nobody listens on, to exercise the circuit breaker. That port is
 * held, bound and never listened on, for as long as the tests run: a connection to it is refused,
 * and no server (a backend here, another module's test beside this one) can be given it. A port
 * found free and let go could be, and then answered for analytics-service.
 */
public final class TestServices {

  public static final TestBackend CUSTOMERS = new TestBackend("customer-service");
  public static final TestBackend TICKETS = new TestBackend("ticket-service");
  public static final TestBackend WORKORDERS = new TestBackend("workorder-service");
  public static final TestBackend NOTIFICATIONS = new TestBackend("notification-service");
  private static final Socket DEAD_PORT = heldPort();
  public static final String DEAD_ANALYTICS_URI = "http://127.0.0.1:" + DEAD_PORT.getLocalPort();

  private TestServices() {}

  /** Everything a gateway under test needs: keys, issuer and where the services are. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("crossdesk.security.issuer", () -> TestTokens.ISSUER);
    registry.add(
        "crossdesk.security.public-key-location", () -> "file:" + TestKeys.get().publicKeyFile());
    registry.add(
        "crossdesk.dev-token.private-key-location",
        () -> "file:" + TestKeys.get().privateKeyFile());
    registry.add("crossdesk.services.customer-uri", CUSTOMERS::uri);
    registry.add("crossdesk.services.ticket-uri", TICKETS::uri);
    registry.add("crossdesk.services.workorder-uri", WORKORDERS::uri);
    registry.add("crossdesk.services.notification-uri", NOTIFICATIONS::uri);
    registry.add("crossdesk.services.analytics-uri", () -> DEAD_ANALYTICS_URI);
  }

  /** A loopback port bound by a socket that never listens, without address reuse. */
  private static Socket heldPort() {
    Socket socket = new Socket();
    try {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
