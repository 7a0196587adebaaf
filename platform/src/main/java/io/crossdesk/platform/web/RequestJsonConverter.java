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
 * or text that is not text (a lone surrogate), before anything is bound. A first pass reads the
 * body's tokens without building anything; a body that is not valid JSON is left to the binding,
 * which says where it breaks.
 *
 * <p>Bodies bind to request records, so a field the record does not have (an id, an owner, a
 * status, a version, a timestamp) is never bound and never overwrites what the server keeps.
 */
public class RequestJsonConverter extends JacksonJsonHttpMessageConverter {

  private static final String NOT_TEXT =
      "Holds half of a UTF-16 surrogate pair, which is not text.";

  public RequestJsonConverter(JsonMapper mapper) {
    super(mapper);
  }

  @Override
  public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints)
      throws IOException, HttpMessageNotReadableException {
    byte[] body = input.getBody().readAllBytes();
    refuseHostileText(body);
    return super.read(type, new Buffered(body, input.getHeaders()), hints);
  }

  /**
   * Reads the body's tokens: a key {@link JsonKeys} refuses, or a key or string holding half of a
   * UTF-16 surrogate pair (written as an escape, {@code "\ud800"}), which is no text at all and
   * could not be stored as such, is refused where it stands.
   */
  private void refuseHostileText(byte[] body) {
    try (JsonParser parser = getMapper().createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          if (JsonKeys.refused(name)) {
            throw new RefusedBodyException(pointer(parser), JsonKeys.REFUSED);
          }
          if (!wellFormed(name)) {
            throw new RefusedBodyException(pointer(parser), NOT_TEXT);
          }
        } else if (token == JsonToken.VALUE_STRING && !wellFormed(parser.getString())) {
          throw new RefusedBodyException(pointer(parser), NOT_TEXT);
        }
      }
    } catch (JacksonException malformed) {
      // Left to the binding, which says where the JSON breaks.
    }
  }

  private static String pointer(JsonParser parser) {
    return parser.streamReadContext().pathAsPointer().toString();
  }

  /** Whether every surrogate in the string is one half of a pair. */
  static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** A request body refused before binding: 400, naming where in the body and why. */
  public static final class RefusedBodyException extends RuntimeException {

    private final String pointer;

    RefusedBodyException(String pointer, String reason) {
      super(reason);
      this.pointer = pointer;
    }

    /** The JSON Pointer of the refused key or value, for example {@code /subject/$ne}. */
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
