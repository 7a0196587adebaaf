package io.crossdesk.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * The mail server and the SMS gateway the service sends to in tests: GreenMail's SMTP and IMAP
 * servers on free ports, and a plain HTTP server speaking the SMS gateway protocol of the local
 * stack's sink, which records what it takes and can be told to refuse the next requests. Started
 * once per test JVM.
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

  public static int smtpPort() {
    return MAIL.getSmtp().getPort();
  }

  /** The base URL of the SMS gateway ({@code POST <url>/messages}). */
  public static String smsUrl() {
    return "http://127.0.0.1:" + SMS_GATEWAY.getAddress().getPort();
  }

  /**
   * The messages the mailbox holds once it holds at least {@code expected}, read over IMAP as a
   * mail client would (GreenMail's mailbox login is the address, its password too).
   */
  public static List<Message> readOverImap(String address, int expected, Duration patience) {
    Properties settings = new Properties();
    settings.put("mail.imap.host", "127.0.0.1");
    settings.put("mail.imap.port", Integer.toString(imapPort()));
    List<Message> read = new ArrayList<>();
    Awaitility.await()
        .atMost(patience)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              read.clear();
              Store store = Session.getInstance(settings).getStore("imap");
              try {
                store.connect(address, address);
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                  read.add(new MimeMessage((MimeMessage) message));
                }
                inbox.close(false);
              } catch (AuthenticationFailedException noMailboxYet) {
                return false;
              } finally {
                store.close();
              }
              return read.size() >= expected;
            });
    return read;
  }
}
