package io.crossdesk.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Decides an endpoint's {@code @PreAuthorize} before its arguments are read. Method security runs
 * when the method is called, after the body was bound and validated, so a caller without the
 * capability who sent a bad body heard 400 with the field errors instead of 403, and learned what
 * the endpoint expects. Every endpoint's rule is a capability ({@code Can.X}), which needs no
 * argument, so it is decided here, once the token is known and before anything is read; method
 * security still checks again at the call.
 */
final class AuthorizeBeforeBinding implements HandlerInterceptor {

  private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod endpoint && !(endpoint.getBean() instanceof String)) {
      AuthorizationResult result =
          rules.authorize(
              () -> SecurityContextHolder.getContext().getAuthentication(),
              new SimpleMethodInvocation(
                  endpoint.getBean(),
                  endpoint.getMethod(),
                  new Object[endpoint.getMethod().getParameterCount()]));
      if (result != null && !result.isGranted()) {
        throw new AuthorizationDeniedException("Access Denied", result);
      }
    }
    return true;
  }
}
