package io.crossdesk.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The local stack's pid files: run/&lt;component&gt;.pid, one pid each. */
final class PidFiles {

  private PidFiles() {}

  static Map<String, Long> read(Path runDirectory) {
    Map<String, Long> pids = new TreeMap<>();
    if (!Files.isDirectory(runDirectory)) {
      return pids;
    }
    try (Stream<Path> files = Files.list(runDirectory)) {
      List<Path> pidFiles = files.filter(f -> f.toString().endsWith(".pid")).toList();
      for (Path file : pidFiles) {
        String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
        pids.put(name, Long.parseLong(Files.readString(file).trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pid files in " + runDirectory, e);
    }
    return pids;
  }
}
