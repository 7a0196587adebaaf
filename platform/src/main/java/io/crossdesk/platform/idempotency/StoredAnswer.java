package io.crossdesk.platform.idempotency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.http.HttpHeaders;

/** What the first request with a key answered, to be answered again to its retries. */
record StoredAnswer(int status, Map<String, String> headers, byte[] body) {

  /** The headers a retry needs to find what was created and read it; the rest is per response. */
  static final List<String> KEPT_HEADERS =
      List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG);

  /** 2xx and client errors are the request's answer; 409 and 429 say "not now", so try again. */
  static boolean worthKeeping(int status) {
    return (status >= 200 && status < 300)
        || (status >= 400 && status < 500 && status != 409 && status != 429);
  }

  Document asDocument() {
    return new Document("status", status)
        .append("headers", new Document(new LinkedHashMap<>(headers)))
        .append("body", new Binary(body));
  }

  static StoredAnswer of(Document stored) {
    Map<String, String> headers = new LinkedHashMap<>();
    stored
        .get("headers", Document.class)
        .forEach((name, value) -> headers.put(name, (String) value));
    return new StoredAnswer(
        stored.getInteger("status"), headers, stored.get("body", Binary.class).getData());
  }
}
