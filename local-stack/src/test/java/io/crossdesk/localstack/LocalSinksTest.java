package io.crossdesk.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSinksTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void mail_sent_over_smtp_is_read_back_over_imap_and_listed() throws Exception {
    int smtp = FreePorts.next();
    int imap = FreePorts.next();
    int listing = FreePorts.next();
    AutoCloseable server = MailServerMain.start("127.0.0.1", smtp, imap, listing);
    try {
      Properties smtpSettings = new Properties();
      smtpSettings.put("mail.smtp.host", "127.0.0.1");
      smtpSettings.put("mail.smtp.port", Integer.toString(smtp));
      MimeMessage message = new MimeMessage(Session.getInstance(smtpSettings));
      message.setFrom(new InternetAddress("desk@crossdesk.example"));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress("li.wei@mail.example"));
      message.setSubject("您的工单 CD-1 已受理", "UTF-8");
      message.setText("我们会在 4 小时内处理。", "UTF-8");
      message.setContentLanguage(new String[] {"zh-CN"});
      Transport.send(message);

      Properties imapSettings = new Properties();
      imapSettings.put("mail.imap.host", "127.0.0.1");
      imapSettings.put("mail.imap.port", Integer.toString(imap));
      Store store = Session.getInstance(imapSettings).getStore("imap");
      store.connect("li.wei@mail.example", "li.wei@mail.example");
      try {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessages()).hasSize(1);
        assertThat(inbox.getMessage(1).getSubject()).isEqualTo("您的工单 CD-1 已受理");
        inbox.close(false);
      } finally {
        store.close();
      }
      assertThat(get(listing, "/messages").body())
          .contains("\"subject\":\"您的工单 CD-1 已受理\"")
          .contains("li.wei@mail.example")
          .contains("\"contentLanguage\":\"zh-CN\"");
      assertThat(get(listing, "/messages.txt").body()).endsWith("1 message\n");
    } finally {
      server.close();
    }
  }

  @Test
  void the_sms_gateway_takes_valid_messages_keeps_them_across_restarts_and_fails_on_request(
      @TempDir Path data) throws Exception {
    int port = FreePorts.next();
    SmsGatewayMain gateway = new SmsGatewayMain(data, Clock.systemUTC());
    LocalSink sink = gateway.start(new java.net.InetSocketAddress("127.0.0.1", port));
    try {
      HttpResponse<String> taken =
          post(port, "/messages", "{\"to\":\"+86 139 0000 0001\",\"text\":\"工单 CD-1 已受理\"}");
      assertThat(taken.statusCode()).isEqualTo(202);
      assertThat(taken.body()).contains("\"id\":\"sms-1\"");

      HttpResponse<String> noNumber =
          post(port, "/messages", "{\"to\":\"call me\",\"text\":\"x\"}");
      assertThat(noNumber.statusCode()).isEqualTo(400);
      assertThat(noNumber.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(noNumber.body()).contains("\"field\":\"to\"");

      assertThat(post(port, "/failures", "{\"count\":1,\"status\":503}").statusCode())
          .isEqualTo(204);
      HttpResponse<String> refused =
          post(port, "/messages", "{\"to\":\"+8613900000002\",\"text\":\"second\"}");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(
              post(port, "/messages", "{\"to\":\"+8613900000002\",\"text\":\"second\"}")
                  .statusCode())
          .isEqualTo(202);
    } finally {
      sink.close();
    }

    int again = FreePorts.next();
    SmsGatewayMain restarted = new SmsGatewayMain(data, Clock.systemUTC());
    LocalSink sink2 = restarted.start(new java.net.InetSocketAddress("127.0.0.1", again));
    try {
      String listed = get(again, "/messages.txt").body();
      assertThat(listed).contains("工单 CD-1 已受理").contains("second").endsWith("2 messages\n");
    } finally {
      sink2.close();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(int port, String path, String json) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
