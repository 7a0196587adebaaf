package io.crossdesk.analytics.goal.domain;

/** How a figure compares with its target: A reached it, B reached the lower mark, C neither. */
public enum Grade {
  A(3),
  B(2),
  C(1);

  private final int points;

  Grade(int points) {
    this.points = points;
  }

  /** For ranking departments: the mean of their grades' points. */
  public int points() {
    return points;
  }
}
