package io.crossdesk.workorder.department.domain;

import io.crossdesk.platform.time.CalendarSpec;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The departments a new installation starts with. Desk-facing departments work weekdays in Shanghai
 * time; network operations watches the network around the clock.
 */
public final class StandardDepartments {

  public static final String SERVICE_CENTER = "service-center";
  public static final String NETWORK_OPS = "network-ops";
  public static final String NETWORK_PLANNING = "network-planning";
  public static final String FIELD_SERVICE = "field-service";
  public static final String BILLING = "billing";
  public static final String ACCOUNT_MANAGEMENT = "account-management";

  public static final CalendarSpec OFFICE_HOURS = weekdays("09:00-12:00", "13:00-18:00");
  public static final CalendarSpec AROUND_THE_CLOCK = everyDay("00:00-24:00");
  public static final CalendarSpec FIELD_HOURS = everyDay("08:00-20:00");

  public static final List<Department> ALL =
      List.of(
          department(
              SERVICE_CENTER,
              "客户服务中心",
              "Customer service center",
              "our customer service team",
              everyDay("08:00-22:00"),
              WorkIntake.CLAIM_FROM_QUEUE),
          department(
              NETWORK_OPS,
              "网络运维部",
              "Network operations",
              "our network team",
              AROUND_THE_CLOCK,
              WorkIntake.CLAIM_FROM_QUEUE),
          department(
              NETWORK_PLANNING,
              "网络规划部",
              "Network planning",
              "our network planning team",
              OFFICE_HOURS,
              WorkIntake.CLAIM_FROM_QUEUE),
          department(
              FIELD_SERVICE,
              "现场服务部",
              "Field service",
              "our field engineers",
              FIELD_HOURS,
              WorkIntake.CLAIM_FROM_QUEUE),
          department(
              BILLING,
              "计费与业务支撑部",
              "Billing and business support",
              "our billing team",
              OFFICE_HOURS,
              WorkIntake.CLAIM_FROM_QUEUE),
          department(
              ACCOUNT_MANAGEMENT,
              "客户经理部",
              "Account management",
              "your account manager",
              OFFICE_HOURS,
              WorkIntake.CLAIM_FROM_QUEUE));

  private StandardDepartments() {}

  private static Department department(
      String id, String zh, String en, String customer, CalendarSpec calendar, WorkIntake intake) {
    return new Department(
        id,
        new DepartmentNames(zh, en, customer),
        calendar,
        List.of(),
        List.of(
            new EscalationContact(1, id + "-team-lead"),
            new EscalationContact(2, id + "-head"),
            new EscalationContact(3, "service-quality-supervisor")),
        intake);
  }

  private static CalendarSpec weekdays(String... hours) {
    Map<DayOfWeek, List<String>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        week.put(day, List.of(hours));
      }
    }
    return new CalendarSpec("Asia/Shanghai", week, List.of(), List.of());
  }

  private static CalendarSpec everyDay(String... hours) {
    Map<DayOfWeek, List<String>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      week.put(day, List.of(hours));
    }
    return new CalendarSpec("Asia/Shanghai", week, List.of(), List.of());
  }
}
