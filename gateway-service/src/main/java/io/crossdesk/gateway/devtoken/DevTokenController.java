package io.crossdesk.gateway.devtoken;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /dev/token mints a token for any role, so the local stack can be tried without an identity
 * provider. The profile guard means the endpoint does not exist at all outside {@code local}.
 */
@RestController
@Profile(DevTokenConfiguration.PROFILE)
class DevTokenController {

  private final DevTokenMinter minter;

  DevTokenController(DevTokenMinter minter) {
    this.minter = minter;
  }

  @PostMapping(
      path = DevTokenConfiguration.PATH,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  DevTokenResponse mint(@RequestBody DevTokenRequest request) {
    List<FieldError> errors = request.errors();
    if (!errors.isEmpty()) {
      throw new InvalidDevTokenRequestException(errors);
    }
    return minter.mint(request);
  }

  @ExceptionHandler(InvalidDevTokenRequestException.class)
  ProblemDetail invalid(InvalidDevTokenRequestException exception) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
    problem.setProperty("errors", exception.errors());
    return problem;
  }
}
