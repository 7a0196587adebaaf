package io.crossdesk.security;

/**
 * The method-security expression of each {@link Capability}, for {@code @PreAuthorize(Can.X)}: a
 * capability is a granted authority of its name. A test keeps the two lists equal.
 */
public final class Can {

  private Can() {}

  public static final String OPEN_TICKETS = "hasAuthority('OPEN_TICKETS')";

  public static final String OPEN_TICKETS_FOR_ANY_CUSTOMER =
      "hasAuthority('OPEN_TICKETS_FOR_ANY_CUSTOMER')";

  public static final String READ_TICKETS = "hasAuthority('READ_TICKETS')";

  public static final String SEE_ALL_TICKETS = "hasAuthority('SEE_ALL_TICKETS')";

  public static final String SEE_SYSTEM_TICKETS = "hasAuthority('SEE_SYSTEM_TICKETS')";

  public static final String USE_TMF621 = "hasAuthority('USE_TMF621')";

  public static final String SEE_DEPARTMENT_TICKETS = "hasAuthority('SEE_DEPARTMENT_TICKETS')";

  public static final String SEE_OWN_TICKETS = "hasAuthority('SEE_OWN_TICKETS')";

  public static final String WORK_TICKETS = "hasAuthority('WORK_TICKETS')";

  public static final String ANSWER_RESOLUTIONS = "hasAuthority('ANSWER_RESOLUTIONS')";

  public static final String READ_SLA_POLICY = "hasAuthority('READ_SLA_POLICY')";

  public static final String READ_CATEGORIES = "hasAuthority('READ_CATEGORIES')";

  public static final String READ_CUSTOMERS = "hasAuthority('READ_CUSTOMERS')";

  public static final String SEE_ALL_CUSTOMERS = "hasAuthority('SEE_ALL_CUSTOMERS')";

  public static final String MANAGE_CUSTOMERS = "hasAuthority('MANAGE_CUSTOMERS')";

  public static final String RECORD_CONTACTS = "hasAuthority('RECORD_CONTACTS')";

  public static final String READ_CONTACT_HISTORY = "hasAuthority('READ_CONTACT_HISTORY')";

  public static final String READ_WORK_ORDERS = "hasAuthority('READ_WORK_ORDERS')";

  public static final String SEE_ALL_QUEUES = "hasAuthority('SEE_ALL_QUEUES')";

  public static final String WORK_DEPARTMENT_STEPS = "hasAuthority('WORK_DEPARTMENT_STEPS')";

  public static final String MOVE_ANY_STEP = "hasAuthority('MOVE_ANY_STEP')";

  public static final String READ_ROUTING = "hasAuthority('READ_ROUTING')";

  public static final String READ_DEPARTMENTS = "hasAuthority('READ_DEPARTMENTS')";

  public static final String READ_FLOWS = "hasAuthority('READ_FLOWS')";

  public static final String READ_NOTIFICATIONS = "hasAuthority('READ_NOTIFICATIONS')";

  public static final String SEE_ALL_NOTIFICATIONS = "hasAuthority('SEE_ALL_NOTIFICATIONS')";

  public static final String READ_FEED = "hasAuthority('READ_FEED')";

  public static final String SET_STAFF_PREFERENCES = "hasAuthority('SET_STAFF_PREFERENCES')";

  public static final String MANAGE_WEBHOOKS = "hasAuthority('MANAGE_WEBHOOKS')";

  public static final String READ_KPIS = "hasAuthority('READ_KPIS')";

  public static final String READ_DEPARTMENT_KPIS = "hasAuthority('READ_DEPARTMENT_KPIS')";

  public static final String SUPERVISE = "hasAuthority('SUPERVISE')";

  public static final String EDIT_CONFIGURATION = "hasAuthority('EDIT_CONFIGURATION')";

  public static final String REBUILD_ANALYTICS = "hasAuthority('REBUILD_ANALYTICS')";
}
