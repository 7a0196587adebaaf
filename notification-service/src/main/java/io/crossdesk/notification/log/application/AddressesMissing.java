package io.crossdesk.notification.log.application;

import java.util.Set;

/** Messages to these customers were stored without an address, their contacts not known yet. */
record AddressesMissing(Set<String> customerIds) {}
