package io.crossdesk.customer.access.application;

import io.crossdesk.customer.access.domain.Visibility;
import io.crossdesk.customer.access.persistence.DepartmentSteps;
import io.crossdesk.security.Caller;
import io.crossdesk.security.Capability;
import io.crossdesk.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with a customer, by the capabilities their roles grant ({@link
 * Capability}), so a token with a limited role beside another never gets more than one of its roles
 * allows:
 *
 * <ul>
 *   <li>SEE_ALL_CUSTOMERS sees every customer in full;
 *   <li>otherwise department staff see a customer only while their department holds a step for
 *       them, with phones and e-mails masked unless such a step needs to contact the customer;
 *   <li>otherwise a customer sees their own record;
 *   <li>anything else sees nothing. Someone who may not see a customer is told it does not exist.
 * </ul>
 *
 * MANAGE_CUSTOMERS edits profiles and reads the overview; RECORD_CONTACTS records contacts;
 * READ_CONTACT_HISTORY reads it (a department while it holds a step); EDIT_CONFIGURATION sets the
 * tier policy.
 */
@Component
public class CustomerAccess {

  private final DepartmentSteps steps;

  CustomerAccess(DepartmentSteps steps) {
    this.steps = steps;
  }

  public Visibility visibility(Caller caller, String customerId) {
    if (caller.can(Capability.SEE_ALL_CUSTOMERS)) {
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
    return caller.can(Capability.SEE_ALL_CUSTOMERS)
        || (caller.can(Capability.READ_CONTACT_HISTORY)
            && caller.has(Role.DEPARTMENT)
            && visibility(caller, customerId) != Visibility.NONE);
  }

  public static void checkDesk(Caller caller) {
    if (!caller.can(Capability.MANAGE_CUSTOMERS)) {
      throw new AccessDeniedException("only the desk (AGENT, SUPERVISOR, ADMIN) may do this");
    }
  }

  public static void checkMayRecordContacts(Caller caller) {
    if (!caller.can(Capability.RECORD_CONTACTS)) {
      throw new AccessDeniedException("only AGENT and SUPERVISOR record contacts");
    }
  }
}
