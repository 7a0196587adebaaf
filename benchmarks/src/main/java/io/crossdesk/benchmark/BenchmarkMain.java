package io.crossdesk.benchmark;

import io.crossdesk.benchmark.report.MarkdownReport;
import io.crossdesk.benchmark.report.ResultFiles;
import io.crossdesk.benchmark.result.BenchmarkResult;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./local-stack.sh bench [options]}: runs the benchmark against the running local stack,
 * prints the Markdown summary and writes it with the JSON beside it. Exits 1 when the count check
 * fails, 2 on bad options; see docs/performance.md.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) {
    // Kafka's clients log through SLF4J; only their warnings belong beside the progress lines.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    BenchOptions options;
    try {
      options = BenchOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage() + "; see docs/performance.md for the options");
      System.exit(2);
      return;
    }
    BenchmarkResult result = new Benchmark(options, System.err).run();
    String markdown = MarkdownReport.render(result);
    Path written = ResultFiles.write(options.results(), result, markdown);
    System.out.println(markdown);
    System.err.println("[bench] results: " + written + " and its .json beside it");
    System.exit(result.countCheck().passed() ? 0 : 1);
  }
}
