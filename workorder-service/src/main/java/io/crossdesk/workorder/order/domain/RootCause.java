package io.crossdesk.workorder.order.domain;

/** Why the customer had to complain, as the resolving department records it. */
public enum RootCause {
  NETWORK,
  BILLING,
  SERVICE,
  PRODUCT,
  CUSTOMER_SIDE,
  OTHER
}
