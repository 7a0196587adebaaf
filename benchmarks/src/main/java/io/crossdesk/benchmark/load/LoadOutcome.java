package io.crossdesk.benchmark.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load sent and what was accepted. The tickets it should open are named by the ticket ids
 * REST answered or by the externalIds of intake requests.
 *
 * @param errors failures by kind: an HTTP status such as {@code 429}, or an exception name
 * @param requestLatency REST response times in microseconds; null for intake
 * @param behindSchedule how late the open-loop generator fell at worst
 */
public record LoadOutcome(
    long requests,
    long accepted,
    Map<String, Long> errors,
    List<String> ticketIds,
    List<String> externalIds,
    Duration elapsed,
    Histogram requestLatency,
    Duration behindSchedule) {

  public LoadOutcome {
    errors = Map.copyOf(errors);
    ticketIds = List.copyOf(ticketIds);
    externalIds = List.copyOf(externalIds);
  }

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }
}
