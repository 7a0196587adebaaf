package io.crossdesk.notification.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookUrlTest {

  private static final List<String> OWN =
      List.of("localhost:8080", "localhost:8084", "crossdesk.example.com:443", "10.0.0.5:27017");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://erp.example.com/hooks/crossdesk",
        "http://localhost:9999/receiver",
        "http://127.0.0.1:7000/x",
        "http://10.0.0.5:8080/on-the-enterprise-network",
        "https://crossdesk.example.com:8443/elsewhere"
      })
  void accepts_http_and_https_urls_outside_the_system(String url) {
    assertThat(WebhookUrl.check(url, OWN).toString()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://erp.example.com/hooks",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "erp.example.com/hooks",
        "http:///no-host",
        "https://user:secret@erp.example.com/hooks",
        "http://erp.example.com/hooks#part",
        "not a url at all"
      })
  void refuses_what_is_not_a_plain_http_or_https_url(String url) {
    assertThatThrownBy(() -> WebhookUrl.check(url, OWN))
        .isInstanceOf(WebhookUrlRefusedException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/api/tickets",
        "http://127.0.0.1:8084/api/webhooks",
        "http://[::1]:8080/",
        "http://0.0.0.0:8084/",
        "https://crossdesk.example.com/api",
        "http://10.0.0.5:27017/"
      })
  void refuses_the_systems_own_addresses_however_the_loopback_is_written(String url) {
    assertThatThrownBy(() -> WebhookUrl.check(url, OWN))
        .isInstanceOf(WebhookUrlRefusedException.class)
        .hasMessageContaining("own address");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[fe80::1]:80/"})
  void refuses_link_local_addresses(String url) {
    assertThatThrownBy(() -> WebhookUrl.check(url, OWN))
        .isInstanceOf(WebhookUrlRefusedException.class)
        .hasMessageContaining("link-local");
  }
}
