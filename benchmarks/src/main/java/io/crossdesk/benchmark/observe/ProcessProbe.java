package io.crossdesk.benchmark.observe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time and resident memory of a process, from Linux's /proc. CPU time is user plus system time
 * in clock ticks of 1/100 s (USER_HZ, the same on every Linux architecture).
 */
public final class ProcessProbe {

  private static final double TICKS_PER_SECOND = 100.0;
  private static final int UTIME = 11;
  private static final int STIME = 12;

  private ProcessProbe() {}

  /** Clock ticks of CPU used since the process started; empty if it is gone. */
  public static OptionalLong cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name in parentheses may contain spaces: count fields after its closing one.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return OptionalLong.of(Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  public static double seconds(long ticks) {
    return ticks / TICKS_PER_SECOND;
  }

  /** Resident set size now, in KiB; empty if the process is gone. */
  public static OptionalLong rssKib(long pid) {
    return statusField(pid, "VmRSS:");
  }

  private static OptionalLong statusField(long pid, String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(field)) {
          return OptionalLong.of(
              Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]));
        }
      }
      return OptionalLong.empty();
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
