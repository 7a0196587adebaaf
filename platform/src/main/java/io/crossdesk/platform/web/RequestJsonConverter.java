package io.crossdesk.platform.web;

import io.crossdesk.security.JsonKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter for request and response bodies, which refuses a request body holding a key
 * {@link JsonKeys} refuses, wherever it sits (a record's field, a map's key, a free-form object),
 * before anything is bound. A first pass reads the body's tokens without building anything; a body
 * that is not valid JSON is left to the binding, which says where it breaks.
 *
 * <p>Bodies bind to request records, so a field the record does not have (an id, an owner, a
 * status, a version, a timestamp) is never bound and never overwrites what the server keeps.
 */
public class RequestJsonConverter extends JacksonJsonHttpMessageConverter {

  public RequestJsonConverter(JsonMapper mapper) {
    super(mapper);
  }

  @Override
  public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints)
      throws IOException, HttpMessageNotReadableException {
    byte[] body = input.getBody().readAllBytes();
    String refused = refusedKey(body);
    if (refused != null) {
      throw new RefusedKeyException(refused);
    }
    return super.read(type, new Buffered(body, input.getHeaders()), hints);
  }

  /** The path of the first refused key, or null. */
  private String refusedKey(byte[] body) {
    try (JsonParser parser = getMapper().createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          if (JsonKeys.refused(name)) {
            return parser.streamReadContext().pathAsPointer().toString();
          }
        }
      }
    } catch (JacksonException malformed) {
      return null;
    }
    return null;
  }

  /** A request body holding a key {@link JsonKeys} refuses: 400, naming where it is. */
  public static final class RefusedKeyException extends RuntimeException {

    private final String pointer;

    RefusedKeyException(String pointer) {
      super(JsonKeys.REFUSED);
      this.pointer = pointer;
    }

    /** The key's JSON Pointer in the body, for example {@code /subject/$ne}. */
    public String pointer() {
      return pointer;
    }
  }

  private record Buffered(byte[] body, HttpHeaders headers) implements HttpInputMessage {

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public HttpHeaders getHeaders() {
      return headers;
    }
  }
}
