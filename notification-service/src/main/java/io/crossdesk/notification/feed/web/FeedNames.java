package io.crossdesk.notification.feed.web;

import io.crossdesk.security.Caller;
import io.crossdesk.security.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The feeds a caller reads: a customer their own; staff their personal feed and, when their token
 * names a department, the department's; supervisors and admins also the supervisors' feed.
 */
final class FeedNames {

  private FeedNames() {}

  static List<String> of(Caller caller) {
    List<String> names = new ArrayList<>();
    if (caller.has(Role.CUSTOMER)) {
      if (caller.customerId() != null) {
        names.add("customer:" + caller.customerId());
      }
      return names;
    }
    names.add("staff:" + caller.subject());
    if (caller.department() != null) {
      names.add("department:" + caller.department());
    }
    if (caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN)) {
      names.add("supervisors");
    }
    return names;
  }
}
