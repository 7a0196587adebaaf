package io.crossdesk.benchmark.load;

import java.net.http.HttpClient;
import java.time.Duration;

/** HTTP/1.1 clients: one TCP connection per concurrent request, as browsers and apps use. */
final class Http {

  private Http() {}

  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }
}
