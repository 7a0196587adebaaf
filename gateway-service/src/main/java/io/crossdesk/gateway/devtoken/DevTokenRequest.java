package io.crossdesk.gateway.devtoken;

import io.crossdesk.security.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Who the minted token speaks for. Checked by hand rather than with bean validation because the
 * rules cross fields: a DEPARTMENT token needs its department, a CUSTOMER token its customer.
 * {@code scope} is written into the token as given (space-separated OAuth scopes).
 */
record DevTokenRequest(
    String sub, List<String> roles, String department, String customerId, String scope) {

  /** A request without scopes. */
  DevTokenRequest(String sub, List<String> roles, String department, String customerId) {
    this(sub, roles, department, customerId, null);
  }

  List<FieldError> errors() {
    List<FieldError> errors = new ArrayList<>();
    if (isBlank(sub)) {
      errors.add(new FieldError("sub", "must not be blank"));
    }
    if (roles == null || roles.isEmpty()) {
      errors.add(new FieldError("roles", "must contain at least one role"));
    } else {
      for (int i = 0; i < roles.size(); i++) {
        if (Role.named(roles.get(i)) == null) {
          errors.add(new FieldError("roles[" + i + "]", "must be one of " + Role.names()));
        }
      }
    }
    if (has(Role.DEPARTMENT) && isBlank(department)) {
      errors.add(new FieldError("department", "is required for the DEPARTMENT role"));
    }
    if (has(Role.CUSTOMER) && isBlank(customerId)) {
      errors.add(new FieldError("customerId", "is required for the CUSTOMER role"));
    }
    return errors;
  }

  private boolean has(Role role) {
    return roles != null && roles.contains(role.name());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
