package io.crossdesk.notification.webhook.application;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The system's own addresses: those configured, plus this service's port on the loopback addresses
 * (read when asked, since a random test port is known only once the server runs).
 */
@Component
public class OwnAddresses {

  private final WebhookProperties properties;
  private final Environment environment;

  OwnAddresses(WebhookProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  public List<String> all() {
    List<String> all = new ArrayList<>(properties.ownAddresses());
    for (String port :
        new String[] {
          environment.getProperty("server.port"), environment.getProperty("local.server.port")
        }) {
      if (port != null && !port.isBlank() && !port.equals("0")) {
        all.add("localhost:" + port);
      }
    }
    return all;
  }
}
