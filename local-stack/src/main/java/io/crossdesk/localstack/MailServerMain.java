package io.crossdesk.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Usage: {@code MailServerMain <smtp-port> <imap-port> <http-port> [host]}. A real SMTP and IMAP
 * server for the local stack: the services send mail to it, a mailbox is made for every recipient
 * (log in over IMAP with the address as user and password), and {@code GET /messages} on the HTTP
 * port lists what arrived ({@code /messages.txt} as text, for {@code ./local-stack.sh mail}). Mail
 * is kept in memory: a restart empties the mailboxes.
 */
public final class MailServerMain {

  private MailServerMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 3 || args.length > 4) {
      System.err.println("usage: MailServerMain <smtp-port> <imap-port> <http-port> [host]");
      System.exit(2);
    }
    LocalLogging.useBundledConfiguration();
    String host = args.length > 3 ? args[3] : "127.0.0.1";
    AutoCloseable running =
        start(
            host, Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    running.close();
                  } catch (Exception e) {
                    System.err.println("mail server did not stop cleanly: " + e);
                  }
                },
                "mail-shutdown"));
    System.out.println(
        "Mail server ready: SMTP "
            + host
            + ":"
            + args[0]
            + ", IMAP "
            + host
            + ":"
            + args[1]
            + ", listing http://"
            + host
            + ":"
            + args[2]
            + "/messages");
  }

  /** Starts the SMTP and IMAP servers and the listing; closing stops all three. */
  static AutoCloseable start(String host, int smtpPort, int imapPort, int httpPort)
      throws IOException {
    GreenMail mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)
            });
    // Any sender may deliver, and a recipient's mailbox is made on first delivery, with its
    // address as user name and password.
    mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    mail.start();
    LocalSink listing;
    try {
      listing =
          LocalSink.start(
              new InetSocketAddress(host, httpPort),
              "/messages",
              () -> received(mail),
              MailServerMain::line);
    } catch (IOException e) {
      mail.stop();
      throw e;
    }
    return () -> {
      listing.close();
      mail.stop();
    };
  }

  /** What arrived, oldest first. */
  static List<Map<String, Object>> received(GreenMail mail) {
    List<Map<String, Object>> messages = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(
            "receivedAt",
            message.getReceivedDate() == null
                ? null
                : message.getReceivedDate().toInstant().toString());
        entry.put("from", addresses(message.getFrom()));
        entry.put("to", addresses(message.getAllRecipients()));
        entry.put("subject", message.getSubject());
        entry.put("contentLanguage", language(message));
        messages.add(entry);
      } catch (MessagingException unreadable) {
        messages.add(Map.of("error", String.valueOf(unreadable.getMessage())));
      }
    }
    return messages;
  }

  private static String language(MimeMessage message) throws MessagingException {
    String[] languages = message.getContentLanguage();
    return languages == null ? null : String.join(",", languages);
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? ""
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  private static String line(Map<String, Object> message) {
    return message.get("receivedAt") + "  to " + message.get("to") + "  " + message.get("subject");
  }
}
