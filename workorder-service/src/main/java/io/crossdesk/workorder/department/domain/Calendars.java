package io.crossdesk.workorder.department.domain;

import io.crossdesk.platform.time.BusinessCalendar;

/** The business calendar each department's OLAs are counted in. */
public interface Calendars {

  BusinessCalendar of(String department);
}
