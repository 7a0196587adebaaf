package io.crossdesk.platform.web;

import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.Traces;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the caller the request's trace: the answer carries the {@code traceparent} of the server
 * span that Spring's observation opened for the request (continuing the caller's trace, if it sent
 * one), so a ticket's trace can be looked up from the answer that opened it.
 */
public class TraceparentFilter extends OncePerRequestFilter {

  private final Traces traces;

  public TraceparentFilter(Traces traces) {
    this.traces = traces;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String traceparent = traces.traceparent();
    if (traceparent != null) {
      response.setHeader(CloudEventsBinding.TRACEPARENT, traceparent);
    }
    chain.doFilter(request, response);
  }
}
