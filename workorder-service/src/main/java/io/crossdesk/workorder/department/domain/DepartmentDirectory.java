package io.crossdesk.workorder.department.domain;

import io.crossdesk.platform.time.BusinessCalendar;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The departments as one snapshot, with their calendars parsed once: routing and every step change
 * compute due times in them.
 */
public final class DepartmentDirectory implements Calendars {

  private final Map<String, Department> departments = new LinkedHashMap<>();
  private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();

  public DepartmentDirectory(Collection<Department> departments) {
    for (Department department : departments) {
      this.departments.put(department.id(), department);
      calendars.put(department.id(), department.calendar().toCalendar());
    }
  }

  public boolean contains(String id) {
    return id != null && departments.containsKey(id);
  }

  public Optional<Department> find(String id) {
    return Optional.ofNullable(id == null ? null : departments.get(id));
  }

  public List<Department> all() {
    return List.copyOf(departments.values());
  }

  /** A department removed since a work order started still counts its time around the clock. */
  @Override
  public BusinessCalendar of(String department) {
    return calendars.getOrDefault(department, BusinessCalendar.twentyFourSeven());
  }

  public String customerName(String department) {
    return find(department).map(found -> found.names().customer()).orElse(department);
  }

  /**
   * The department's name for customers in each language: in Chinese its name, in English the
   * phrase written for customers ("our billing team"). Null for a department no longer known.
   */
  public Map<String, String> customerNames(String department) {
    return find(department)
        .map(
            found -> {
              Map<String, String> names = new java.util.HashMap<>();
              if (found.names().zhCN() != null) {
                names.put("zh-CN", found.names().zhCN());
              }
              if (found.names().customer() != null) {
                names.put("en-US", found.names().customer());
              }
              return names.isEmpty() ? null : Map.copyOf(names);
            })
        .orElse(null);
  }

  public String escalationContact(String department, int level) {
    return find(department)
        .map(found -> found.escalationContact(level))
        .orElse(department + "-lead");
  }
}
