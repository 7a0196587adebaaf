package io.crossdesk.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The mail server and the SMS gateway the service sends to in tests: GreenMail's SMTP and IMAP
 * servers on free ports, and a plain HTTP server speaking the SMS gateway protocol of the local
 * stack's sink, which records what it takes and can be told to refuse the next requests. Started
 * once per test JVM; every test context of the module is pointed at them.
 */
public final class MessageSinks {

  private static final GreenMail MAIL =
      new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
  private static final List<String> SMS = new CopyOnWriteArrayList<>();
  private static final AtomicInteger REFUSALS = new AtomicInteger();
  private static final HttpServer SMS_GATEWAY = smsGateway();

  static {
    MAIL.start();
  }

  private MessageSinks() {}

  public static GreenMail mail() {
    return MAIL;
  }

  public static int imapPort() {
    return MAIL.getImap().getPort();
  }

  /** The JSON bodies the SMS gateway took, oldest first. */
  public static List<String> sms() {
    return List.copyOf(SMS);
  }

  /** The gateway answers the next {@code count} requests 503 and takes nothing. */
  public static void refuseSms(int count) {
    REFUSALS.set(count);
  }

  private static HttpServer smsGateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/messages",
          exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
              body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            boolean refused = REFUSALS.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
            if (!refused) {
              SMS.add(body);
            }
            exchange.sendResponseHeaders(refused ? 503 : 202, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Points the service at the sinks and shortens the waits between tries. */
  public static class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              Map.of(
                  "spring.mail.host", "127.0.0.1",
                  "spring.mail.port", Integer.toString(MAIL.getSmtp().getPort()),
                  "crossdesk.notifications.sms-url",
                      "http://127.0.0.1:" + SMS_GATEWAY.getAddress().getPort(),
                  "crossdesk.notifications.first-retry-delay", "1s",
                  "crossdesk.notifications.retry-multiplier", "1",
                  "crossdesk.notifications.max-tries", "3",
                  "crossdesk.notifications.circuit-open-for", "1s",
                  "crossdesk.notifications.feed.poll-every", "200ms"))
          .applyTo(context);
    }
  }
}
