package io.crossdesk.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as RFC 9457 problem details, like every other error. */
final class ProblemSecurityHandlers {

  private ProblemSecurityHandlers() {}

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, exception) ->
        write(
            response,
            HttpStatus.UNAUTHORIZED,
            "A valid bearer token is required: " + exception.getMessage(),
            request.getRequestURI());
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, exception) ->
        write(
            response,
            HttpStatus.FORBIDDEN,
            "Your roles do not allow this request.",
            request.getRequestURI());
  }

  private static void write(
      HttpServletResponse response, HttpStatus status, String detail, String instance)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + status.getReasonPhrase()
                + "\",\"status\":"
                + status.value()
                + ",\"detail\":\""
                + escape(detail)
                + "\",\"instance\":\""
                + escape(instance)
                + "\"}");
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
  }
}
