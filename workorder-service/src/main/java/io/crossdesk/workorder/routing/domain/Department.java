package io.crossdesk.workorder.routing.domain;

import java.util.Arrays;
import java.util.Optional;

/** The departments that can own a work order or one of its steps. */
public enum Department {
  NETWORK_OPS("network-ops", "Network operations"),
  BILLING("billing", "Billing and business support"),
  SERVICE_CENTER("service-center", "Customer service center"),
  FIELD_SERVICE("field-service", "Field service"),
  NETWORK_PLANNING("network-planning", "Network planning"),
  ACCOUNT_MANAGEMENT("account-management", "Account management");

  private final String id;
  private final String displayName;

  Department(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** The id used in tokens, events and the API, e.g. {@code network-ops}. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public static Optional<Department> byId(String id) {
    return Arrays.stream(values()).filter(department -> department.id.equals(id)).findFirst();
  }
}
