package io.crossdesk.workorder.department.domain;

/** How ready steps reach the people of a department. */
public enum WorkIntake {
  /** Someone claims the step from the department's queue. */
  CLAIM_FROM_QUEUE,
  /** Given in turn to the members on shift who are not away. */
  ROUND_ROBIN,
  /** Given to the member on shift, not away, with the fewest open steps. */
  LEAST_LOADED
}
