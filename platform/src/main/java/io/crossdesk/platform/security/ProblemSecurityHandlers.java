package io.crossdesk.platform.security;

import io.crossdesk.security.AccessProblems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as RFC 9457 problem details, like every other error ({@link AccessProblems}). */
final class ProblemSecurityHandlers {

  private ProblemSecurityHandlers() {}

  static AuthenticationEntryPoint unauthorized() {
    return (request, response, exception) -> {
      response.setHeader("WWW-Authenticate", AccessProblems.wwwAuthenticate(exception));
      write(
          response,
          HttpStatus.UNAUTHORIZED,
          AccessProblems.unauthorized(exception),
          request.getRequestURI());
    };
  }

  static AccessDeniedHandler forbidden() {
    return (request, response, exception) ->
        write(response, HttpStatus.FORBIDDEN, AccessProblems.FORBIDDEN, request.getRequestURI());
  }

  private static void write(
      HttpServletResponse response, HttpStatus status, String detail, String instance)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
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
