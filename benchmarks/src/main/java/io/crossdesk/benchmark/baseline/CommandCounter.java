package io.crossdesk.benchmark.baseline;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the driver's successful commands by name, as the services' driver metrics do ({@code
 * mongodb_driver_commands_seconds_count}, tag {@code command}).
 */
final class CommandCounter implements CommandListener {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void commandSucceeded(CommandSucceededEvent event) {
    counts.computeIfAbsent(event.getCommandName(), c -> new LongAdder()).increment();
  }

  Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((command, count) -> snapshot.put(command, count.sum()));
    return snapshot;
  }
}
