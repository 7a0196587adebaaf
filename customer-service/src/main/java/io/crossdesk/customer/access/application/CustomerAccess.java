package io.crossdesk.customer.access.application;

import io.crossdesk.customer.access.domain.Visibility;
import io.crossdesk.customer.access.persistence.DepartmentSteps;
import io.crossdesk.platform.security.Caller;
import io.crossdesk.platform.security.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a customer, in one place. Each role grants something explicitly, so
 * a token with a limited role beside another never gets more than one of its roles allows:
 *
 * <ul>
 *   <li>AGENT, SUPERVISOR, ADMIN and SYSTEM see every customer in full;
 *   <li>otherwise DEPARTMENT staff see a customer only while their department holds a step for
 *       them, with phones and e-mails masked unless such a step needs to contact the customer;
 *   <li>otherwise a CUSTOMER sees their own record;
 *   <li>anything else sees nothing. Someone who may not see a customer is told it does not exist.
 * </ul>
 *
 * The desk (AGENT, SUPERVISOR, ADMIN) edits profiles; AGENT and SUPERVISOR record contacts; staff
 * and departments holding a step read contact history; the desk reads the overview; only ADMIN sets
 * the tier policy.
 */
@Component
public class CustomerAccess {

  private static final Set<Role> SEE_EVERY_CUSTOMER =
      EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.SYSTEM);
  private static final Set<Role> DESK = EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
  private static final Set<Role> RECORD_CONTACTS = EnumSet.of(Role.AGENT, Role.SUPERVISOR);

  private final DepartmentSteps steps;

  CustomerAccess(DepartmentSteps steps) {
    this.steps = steps;
  }

  public Visibility visibility(Caller caller, String customerId) {
    if (hasAny(caller, SEE_EVERY_CUSTOMER)) {
      return Visibility.FULL;
    }
    if (caller.has(Role.DEPARTMENT)) {
      if (caller.department() == null || caller.department().isBlank()) {
        return Visibility.NONE;
      }
      return steps
          .openStepNeedsContact(customerId, caller.department())
          .map(needsContact -> needsContact ? Visibility.FULL : Visibility.MASKED)
          .orElse(Visibility.NONE);
    }
    if (caller.has(Role.CUSTOMER) && customerId.equals(caller.customerId())) {
      return Visibility.FULL;
    }
    return Visibility.NONE;
  }

  /** Staff, and departments while they hold a step for the customer. */
  public boolean mayReadHistory(Caller caller, String customerId) {
    return hasAny(caller, SEE_EVERY_CUSTOMER)
        || (caller.has(Role.DEPARTMENT) && visibility(caller, customerId) != Visibility.NONE);
  }

  public static void checkDesk(Caller caller) {
    if (!hasAny(caller, DESK)) {
      throw new AccessDeniedException("only the desk (AGENT, SUPERVISOR, ADMIN) may do this");
    }
  }

  public static void checkMayRecordContacts(Caller caller) {
    if (!hasAny(caller, RECORD_CONTACTS)) {
      throw new AccessDeniedException("only AGENT and SUPERVISOR record contacts");
    }
  }

  private static boolean hasAny(Caller caller, Set<Role> roles) {
    return caller.roles().stream().anyMatch(roles::contains);
  }
}
