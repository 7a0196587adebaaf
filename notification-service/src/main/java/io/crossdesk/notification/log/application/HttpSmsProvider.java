package io.crossdesk.notification.log.application;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The built-in SMS provider: {@code POST <smsUrl>/messages} with {@code {to, text, from,
 * reference}} as JSON; any 2xx answer means the gateway took the message. The local stack's SMS
 * sink speaks this protocol.
 */
class HttpSmsProvider implements SmsProvider {

  private final RestClient http;
  private final String from;

  HttpSmsProvider(NotificationProperties properties) {
    Duration timeout = properties.sendTimeout();
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
    requests.setReadTimeout(timeout);
    this.http = RestClient.builder().baseUrl(properties.smsUrl()).requestFactory(requests).build();
    this.from = properties.smsFrom();
  }

  @Override
  public void send(String to, String text, String reference) {
    http.post()
        .uri("/messages")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("to", to, "text", text, "from", from, "reference", reference))
        .retrieve()
        .toBodilessEntity();
  }
}
