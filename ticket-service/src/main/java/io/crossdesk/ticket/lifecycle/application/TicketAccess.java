package io.crossdesk.ticket.lifecycle.application;

import io.crossdesk.platform.security.Caller;
import io.crossdesk.platform.security.Role;
import io.crossdesk.ticket.lifecycle.domain.Ticket;
import io.crossdesk.ticket.lifecycle.domain.TicketFilter;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which tickets a caller may see and open. Each role grants something explicitly, so a token that
 * carries a limited role beside another one never sees more than some role of its own allows:
 *
 * <ul>
 *   <li>AGENT, SUPERVISOR, ADMIN, SYSTEM see every ticket;
 *   <li>otherwise DEPARTMENT sees the tickets routed to the department its token names;
 *   <li>otherwise CUSTOMER sees the tickets of the customer its token names;
 *   <li>anything else, or a DEPARTMENT or CUSTOMER token without its claim, is refused.
 * </ul>
 *
 * AGENT and SUPERVISOR open tickets for any customer, a CUSTOMER only for themself.
 */
public final class TicketAccess {

  private static final Set<Role> SEE_EVERY_TICKET =
      EnumSet.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.SYSTEM);
  private static final Set<Role> OPEN_FOR_ANY_CUSTOMER = EnumSet.of(Role.AGENT, Role.SUPERVISOR);

  private static final TicketAccess EVERY_TICKET = new TicketAccess(null, null);

  /** The only department whose tickets the caller sees, or null. */
  private final String department;

  /** The only customer whose tickets the caller sees, or null. */
  private final String customerId;

  private TicketAccess(String department, String customerId) {
    this.department = department;
    this.customerId = customerId;
  }

  /**
   * @throws AccessDeniedException when no role of the caller may see tickets
   */
  public static TicketAccess of(Caller caller) {
    if (hasAny(caller, SEE_EVERY_TICKET)) {
      return EVERY_TICKET;
    }
    if (caller.has(Role.DEPARTMENT)) {
      return new TicketAccess(claimed(caller.department(), "department"), null);
    }
    if (caller.has(Role.CUSTOMER)) {
      return new TicketAccess(null, claimed(caller.customerId(), "customerId"));
    }
    throw new AccessDeniedException("no role that may see tickets");
  }

  /**
   * @throws AccessDeniedException unless the caller may open a ticket for this customer
   */
  public static void checkMayOpenFor(Caller caller, String customerId) {
    if (hasAny(caller, OPEN_FOR_ANY_CUSTOMER)
        || (caller.has(Role.CUSTOMER) && customerId.equals(caller.customerId()))) {
      return;
    }
    throw new AccessDeniedException("a customer opens tickets only for themself");
  }

  /**
   * @throws AccessDeniedException unless the caller works the desk: only AGENT and SUPERVISOR move
   *     tickets along, transfer, reclassify and merge them
   */
  public static void checkDesk(Caller caller) {
    if (!hasAny(caller, OPEN_FOR_ANY_CUSTOMER)) {
      throw new AccessDeniedException("only the desk (AGENT, SUPERVISOR) may do this");
    }
  }

  /** Staff see internal timeline entries and may write internal notes; customers never. */
  public boolean isStaff() {
    return customerId == null;
  }

  public boolean canSee(Ticket ticket) {
    return (department == null || ticket.isWith(department))
        && (customerId == null || ticket.isFor(customerId));
  }

  /**
   * The filter narrowed to what the caller may see, or empty when it asks only for tickets the
   * caller may not see (another customer's), which then look like no tickets at all.
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
    return Optional.of(filter);
  }

  private static boolean hasAny(Caller caller, Set<Role> roles) {
    return caller.roles().stream().anyMatch(roles::contains);
  }

  private static String claimed(String value, String claim) {
    if (value == null || value.isBlank()) {
      throw new AccessDeniedException("the token has no " + claim + " claim");
    }
    return value;
  }
}
