package io.crossdesk.platform.events;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The W3C trace context of the work in progress on this thread: set from an incoming HTTP request
 * or event, carried on every event the work causes.
 */
public final class TraceContext {

  private static final Pattern TRACEPARENT =
      Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private TraceContext() {}

  /** The current traceparent, or a fresh one when nothing started a trace on this thread. */
  public static String current() {
    String traceparent = CURRENT.get();
    return traceparent != null ? traceparent : newTraceparent();
  }

  /** Continues the given trace (a new span of it) or starts a new one when it is not valid. */
  public static void continueFrom(String traceparent) {
    CURRENT.set(
        traceparent != null && TRACEPARENT.matcher(traceparent).matches()
            ? traceparent.substring(0, 36) + hex(8) + "-01"
            : newTraceparent());
  }

  public static void clear() {
    CURRENT.remove();
  }

  private static String newTraceparent() {
    return "00-" + hex(16) + "-" + hex(8) + "-01";
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
