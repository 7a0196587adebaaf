package io.crossdesk.benchmark.observe;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two series the benchmark reads from a Prometheus text exposition. */
public record PrometheusText(double outboxPending, boolean hasOutbox, Map<String, Long> commands) {

  static final String OUTBOX_PENDING = "crossdesk_outbox_pending";
  static final String MONGO_COMMANDS = "mongodb_driver_commands_seconds_count";

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})?\\s+(\\S+)");
  private static final Pattern COMMAND = Pattern.compile("[{,]command=\"([^\"]*)\"");

  public PrometheusText {
    commands = Map.copyOf(commands);
  }

  /**
   * Sums {@code crossdesk_outbox_pending} over its collections, and the MongoDB driver's command
   * count per command over collections, databases and outcomes.
   */
  public static PrometheusText parse(String text) {
    double pending = 0;
    boolean hasOutbox = false;
    Map<String, Long> commands = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.find()) {
        continue;
      }
      String name = sample.group(1);
      if (name.equals(OUTBOX_PENDING)) {
        hasOutbox = true;
        pending += Double.parseDouble(sample.group(3));
      } else if (name.equals(MONGO_COMMANDS) && sample.group(2) != null) {
        Matcher command = COMMAND.matcher(sample.group(2));
        if (command.find()) {
          long count = (long) Double.parseDouble(sample.group(3));
          commands.merge(command.group(1), count, Long::sum);
        }
      }
    }
    return new PrometheusText(pending, hasOutbox, commands);
  }
}
