package io.crossdesk.benchmark.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Figures rounded for reading: whole numbers from 100 up, three significant digits below. */
final class Numbers {

  private Numbers() {}

  static String of(Double value) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return "n/a";
    }
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs == 0) {
      return "0";
    }
    return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  static String of(double value) {
    return of(Double.valueOf(value));
  }

  static String ratio(Double value) {
    return value == null ? "n/a" : "×" + of(value);
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
