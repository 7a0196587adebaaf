package io.crossdesk.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the figures were measured: they mean little without it. */
final class Machine {

  private Machine() {}

  /** {@code loadAtStart}: {@link #loadAverage()} when the run began. */
  static Map<String, String> describe(String loadAtStart) {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    machine.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    machine.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    // Other work on the machine takes CPU from the stack: the load averages tell how much.
    machine.put("loadAverageAtStart", loadAtStart);
    machine.put("loadAverageAtEnd", loadAverage());
    return machine;
  }

  /** The 1, 5 and 15 minute load averages of /proc/loadavg, or "unknown". */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
