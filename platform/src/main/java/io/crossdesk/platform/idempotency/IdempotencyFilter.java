package io.crossdesk.platform.idempotency;

import io.crossdesk.platform.idempotency.IdempotencyStore.Claim;
import io.crossdesk.platform.idempotency.IdempotencyStore.Claimed;
import io.crossdesk.platform.idempotency.IdempotencyStore.Replay;
import io.crossdesk.platform.idempotency.IdempotencyStore.Reused;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A POST with an {@code Idempotency-Key} runs once: retries with the same key and body get the
 * first answer again, marked {@code Idempotent-Replayed: true}. Other methods ignore the header:
 * GET is safe, PUT and DELETE are idempotent by definition, and PATCH is guarded by If-Match. Runs
 * after Spring Security, so the caller is known; a request nobody is authenticated for has no
 * caller to scope its key to and runs as if it had no key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

  static final String REPLAYED = "Idempotent-Replayed";
  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

  private final IdempotencyStore store;
  private final IdempotencyProblems problems;
  private final MeterRegistry meters;
  private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

  public IdempotencyFilter(IdempotencyStore store, JsonMapper json, MeterRegistry meters) {
    this.store = store;
    this.problems = new IdempotencyProblems(json);
    this.meters = meters;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(IdempotencyKey.HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> values = Collections.list(request.getHeaders(IdempotencyKey.HEADER));
    Optional<String> invalid = IdempotencyKey.whyInvalid(values);
    if (invalid.isPresent()) {
      problems.invalid(request, response, invalid.get());
      return;
    }
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (!trust.isAuthenticated(caller)) {
      chain.doFilter(request, response);
      return;
    }
    String key = values.get(0);
    String path = request.getRequestURI();
    String query = request.getQueryString();
    byte[] body = request.getInputStream().readAllBytes();
    Claim claim =
        store.claim(
            IdempotencyKey.scoped(caller.getName(), request.getMethod(), path, key),
            IdempotencyKey.fingerprint(
                request.getMethod(), query == null ? path : path + "?" + query, body));
    if (claim instanceof Replay replay) {
      meters.counter("crossdesk.idempotency.replays").increment();
      replay(replay.answer(), response);
    } else if (claim instanceof Reused) {
      meters.counter("crossdesk.idempotency.conflicts", "reason", "body-mismatch").increment();
      problems.reused(request, response, key);
    } else if (claim instanceof Claimed claimed) {
      run(claimed, new ReadBodyRequest(request, body), response, chain);
    } else {
      meters.counter("crossdesk.idempotency.conflicts", "reason", "in-progress").increment();
      problems.inProgress(request, response, key);
    }
  }

  private void run(
      Claimed claimed, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, answer);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      releaseQuietly(claimed);
      throw e;
    }
    try {
      if (StoredAnswer.worthKeeping(answer.getStatus())) {
        store.complete(claimed, stored(answer));
      } else {
        store.release(claimed);
      }
    } catch (RuntimeException e) {
      // The work is done and its answer still goes out. The key stays "in progress" until the
      // in-progress timeout, which keeps retries from doing the work twice meanwhile.
      log.error("Could not record the answer for an Idempotency-Key: {}", e.toString());
    }
    answer.copyBodyToResponse();
  }

  // Failing to release must not hide why the request failed; the key then frees itself after the
  // in-progress timeout.
  private void releaseQuietly(Claimed claimed) {
    try {
      store.release(claimed);
    } catch (RuntimeException e) {
      log.warn("Could not release an Idempotency-Key: {}", e.toString());
    }
  }

  private static StoredAnswer stored(ContentCachingResponseWrapper answer) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : StoredAnswer.KEPT_HEADERS) {
      // The content type is no ordinary header to the servlet container.
      String value =
          HttpHeaders.CONTENT_TYPE.equals(name) ? answer.getContentType() : answer.getHeader(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    return new StoredAnswer(answer.getStatus(), headers, answer.getContentAsByteArray());
  }

  private static void replay(StoredAnswer answer, HttpServletResponse response) throws IOException {
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    response.setHeader(REPLAYED, "true");
    response.setContentLength(answer.body().length);
    response.getOutputStream().write(answer.body());
  }
}
