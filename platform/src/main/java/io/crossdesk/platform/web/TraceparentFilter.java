package io.crossdesk.platform.web;

import io.crossdesk.platform.events.CloudEventsBinding;
import io.crossdesk.platform.events.TraceContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Continues the caller's W3C trace (or starts one) so the events a request causes carry it. */
public class TraceparentFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    TraceContext.continueFrom(request.getHeader(CloudEventsBinding.TRACEPARENT));
    try {
      response.setHeader(CloudEventsBinding.TRACEPARENT, TraceContext.current());
      chain.doFilter(request, response);
    } finally {
      TraceContext.clear();
    }
  }
}
