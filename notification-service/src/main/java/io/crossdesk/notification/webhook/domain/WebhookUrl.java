package io.crossdesk.notification.webhook.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a subscriber takes its deliveries: an absolute http or https URL without credentials, not
 * pointing at Crossdesk itself (its gateway, services, broker or store: the {@code own} host:port
 * pairs) nor at a link-local address (cloud metadata endpoints live there). Loopback and private
 * addresses are allowed, since subscribers run beside the system in the local stack and on the
 * enterprise's own network; the system's own ports on them are not. Host names are compared as
 * written, without resolving them: list every name the system's components are reached by.
 */
public final class WebhookUrl {

  private static final int MAX_LENGTH = 2000;
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "0.0.0.0", "::1", "::");
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");
  private static final Pattern IPV4_LINK_LOCAL = Pattern.compile("169\\.254(\\.\\d{1,3}){2}");

  private WebhookUrl() {}

  /**
   * The URL, checked.
   *
   * @param own the system's own addresses as {@code host:port}
   * @throws WebhookUrlRefusedException saying why when it is refused
   */
  public static URI check(String raw, Collection<String> own) {
    if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
      throw new WebhookUrlRefusedException(
          "must be an http or https URL of at most 2000 characters");
    }
    URI uri;
    try {
      uri = new URI(raw.strip());
    } catch (URISyntaxException e) {
      throw new WebhookUrlRefusedException("is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new WebhookUrlRefusedException("must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new WebhookUrlRefusedException("must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new WebhookUrlRefusedException("must not carry credentials");
    }
    if (uri.getRawFragment() != null) {
      throw new WebhookUrlRefusedException("must not have a fragment");
    }
    String host = hostOf(uri.getHost());
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    if (IPV4_LINK_LOCAL.matcher(host).matches() || host.startsWith("fe80:")) {
      throw new WebhookUrlRefusedException("must not point at a link-local address");
    }
    for (String address : own) {
      int colon = address.lastIndexOf(':');
      if (colon <= 0) {
        continue;
      }
      String ownHost = hostOf(address.substring(0, colon));
      String ownPort = address.substring(colon + 1).strip();
      if (ownPort.equals(String.valueOf(port)) && sameHost(host, ownHost)) {
        throw new WebhookUrlRefusedException(
            "must not point at the system's own address " + address);
      }
    }
    return uri;
  }

  private static boolean sameHost(String a, String b) {
    return a.equals(b) || (isLoopback(a) && isLoopback(b));
  }

  private static boolean isLoopback(String host) {
    return LOOPBACK_NAMES.contains(host) || IPV4_LOOPBACK.matcher(host).matches();
  }

  private static String hostOf(String host) {
    String bare = host.strip().toLowerCase(Locale.ROOT);
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    return bare.equals("0:0:0:0:0:0:0:1") ? "::1" : bare;
  }
}
