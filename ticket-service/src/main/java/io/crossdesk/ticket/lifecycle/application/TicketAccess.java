package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.security.Caller;
import io.crossdesk.security.Capability;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketFilter;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which tickets a caller may see and open, by the capabilities their roles grant ({@link
 * Capability}), so that a token carrying a limited role beside another never sees more than one of
 * its roles allows:
 *
 * <ul>
 *   <li>SEE_ALL_TICKETS sees every ticket;
 *   <li>otherwise SEE_DEPARTMENT_TICKETS sees the tickets routed to the department the token names;
 *   <li>otherwise SEE_OWN_TICKETS sees the tickets of the customer the token names;
 *   <li>otherwise SEE_SYSTEM_TICKETS sees the tickets the calling system opened: those whose {@code
 *       sourceSystem} is the token's subject;
 *   <li>anything else, or a token without the claim its capability needs, is refused.
 * </ul>
 *
 * OPEN_TICKETS_FOR_ANY_CUSTOMER opens tickets for anyone; otherwise a customer only for themself.
 */
public final class TicketAccess {

  private static final TicketAccess EVERY_TICKET = new TicketAccess(null, null, null);

  /** The only department whose tickets the caller sees, or null. */
  private final String department;

  /** The only customer whose tickets the caller sees, or null. */
  private final String customerId;

  /** The only system whose tickets the caller sees, or null. */
  private final String sourceSystem;

  private TicketAccess(String department, String customerId, String sourceSystem) {
    this.department = department;
    this.customerId = customerId;
    this.sourceSystem = sourceSystem;
  }

  /**
   * @throws AccessDeniedException when no role of the caller may see tickets
   */
  public static TicketAccess of(Caller caller) {
    if (caller.can(Capability.SEE_ALL_TICKETS)) {
      return EVERY_TICKET;
    }
    if (caller.can(Capability.SEE_DEPARTMENT_TICKETS)) {
      return new TicketAccess(claimed(caller.department(), "department"), null, null);
    }
    if (caller.can(Capability.SEE_OWN_TICKETS)) {
      return new TicketAccess(null, claimed(caller.customerId(), "customerId"), null);
    }
    if (caller.can(Capability.SEE_SYSTEM_TICKETS)) {
      return new TicketAccess(null, null, claimed(caller.subject(), "sub"));
    }
    throw new AccessDeniedException("no role that may see tickets");
  }

  /**
   * @throws AccessDeniedException unless the caller may open a ticket for this customer
   */
  public static void checkMayOpenFor(Caller caller, String customerId) {
    if (caller.can(Capability.OPEN_TICKETS_FOR_ANY_CUSTOMER)
        || (caller.can(Capability.OPEN_TICKETS) && customerId.equals(caller.customerId()))) {
      return;
    }
    throw new AccessDeniedException("a customer opens tickets only for themself");
  }

  /**
   * @throws AccessDeniedException unless the caller may WORK_TICKETS: move them along, transfer,
   *     reclassify and merge them
   */
  public static void checkDesk(Caller caller) {
    if (!caller.can(Capability.WORK_TICKETS)) {
      throw new AccessDeniedException("only the desk (AGENT, SUPERVISOR) may do this");
    }
  }

  /** Staff see internal timeline entries and may write internal notes; customers never. */
  public boolean isStaff() {
    return customerId == null;
  }

  public boolean canSee(Ticket ticket) {
    return (department == null || ticket.isWith(department))
        && (customerId == null || ticket.isFor(customerId))
        && (sourceSystem == null || sourceSystem.equals(ticket.origin().sourceSystem()));
  }

  /**
   * The filter narrowed to what the caller may see, or empty when it asks only for tickets the
   * caller may not see (another customer's, another system's), which then look like no tickets at
   * all.
   */
  public Optional<TicketFilter> restrict(TicketFilter filter) {
    if (customerId != null) {
      if (filter.customerId() != null && !filter.customerId().equals(customerId)) {
        return Optional.empty();
      }
      filter = filter.forCustomer(customerId);
    }
    if (department != null) {
      filter = filter.forDepartment(department);
    }
    if (sourceSystem != null) {
      if (filter.sourceSystem() != null && !filter.sourceSystem().equals(sourceSystem)) {
        return Optional.empty();
      }
      filter = filter.forSourceSystem(sourceSystem);
    }
    return Optional.of(filter);
  }

  private static String claimed(String value, String claim) {
    if (value == null || value.isBlank()) {
      throw new AccessDeniedException("the token has no " + claim + " claim");
    }
    return value;
  }
}
