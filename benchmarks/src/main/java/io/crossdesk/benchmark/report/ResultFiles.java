package io.crossdesk.benchmark.report;

import io.crossdesk.benchmark.result.BenchmarkResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** bench-&lt;run&gt;.json (every figure) and bench-&lt;run&gt;.md (the summary), side by side. */
public final class ResultFiles {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ResultFiles() {}

  /** Writes both files and returns the Markdown one; {@code suffix} ends their names. */
  public static Path write(Path directory, BenchmarkResult result, String markdown, String suffix) {
    try {
      Files.createDirectories(directory);
      Path base = directory.resolve("bench-" + result.runId() + suffix);
      Files.writeString(Path.of(base + ".json"), JSON.writeValueAsString(result) + "\n");
      Path md = Path.of(base + ".md");
      Files.writeString(md, markdown);
      return md;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + directory, e);
    }
  }

  public static BenchmarkResult read(Path json) {
    try {
      return JSON.readValue(Files.readString(json), BenchmarkResult.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
