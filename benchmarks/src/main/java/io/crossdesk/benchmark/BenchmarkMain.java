package io.crossdesk.benchmark;

import io.crossdesk.benchmark.report.MarkdownReport;
import io.crossdesk.benchmark.report.ResultFiles;
import io.crossdesk.benchmark.result.BenchmarkResult;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./local-stack.sh bench [options]}: runs the benchmark against the running local stack,
 * prints the Markdown summary and writes it with the JSON beside it. Exits 1 when the count check
 * fails, 2 on bad options; see docs/performance.md. With {@code --store-only --replay FILE}, only
 * the store alone, replaying a recording of the services' commands.
 */
public final class BenchmarkMain {

  private static final String USAGE =
      """
      usage: ./local-stack.sh bench [options]   (or java -jar benchmarks-<version>-exec.jar)
        --quick                 a few seconds per phase and a tiny fill
        --store-only --replay FILE   only the store alone: replay a recording of the services'
                                store commands (needs just the store, at --mongo)
        --replay-threads K      threads replaying the recording, each a contiguous part (4)
        --sustained             warm up, then step the intake rate up until it is not held
        --warmup S              sustained: seconds of intake before measuring
        --rates N,N,...         sustained: the intake rates to step through
        --rate N                intake requests/s, open loop; the second intake phase runs at N/2
        --record-rate N         intake requests/s of the phase the store records (full mode)
        --duration S            seconds of load per phase
        --connections N         concurrent REST connections, closed loop
        --fill-factor F         grow the store to F times its size after round 1 (<= 1: no fill)
        --fill-timeout S        at most this long for the fill
        --drain-timeout S       after a phase, wait at most this long for its tickets to be routed
        --gateway URL  --ticket-service URL  --bootstrap-servers HOST:PORT  --mongo URI
        --services name=URL,...  --run-dir DIR | --pids name=PID,...  --results DIR
      Defaults and what each figure means: docs/performance.md
      """;

  private BenchmarkMain() {}

  public static void main(String[] args) {
    // Kafka's clients log through SLF4J; only their warnings belong beside the progress lines.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    if (List.of(args).contains("--help")) {
      System.out.print(USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    Benchmark benchmark = new Benchmark(options, System.err);
    // Stopped or failed half-way (SIGTERM, Ctrl-C, a component gone), a long run still leaves
    // the phases it finished.
    Thread keepSoFar = new Thread(() -> keepUnfinished(options.results(), benchmark.soFar()));
    Runtime.getRuntime().addShutdownHook(keepSoFar);
    BenchmarkResult result = options.storeOnly() ? benchmark.runStoreOnly() : benchmark.run();
    Runtime.getRuntime().removeShutdownHook(keepSoFar);
    System.out.println(write(options.results(), result, ""));
    System.exit(options.storeOnly() || result.countCheck().passed() ? 0 : 1);
  }

  private static void keepUnfinished(Path directory, BenchmarkResult soFar) {
    if (soFar.kafkaAlone() != null || soFar.storeAlone() != null || !soFar.rounds().isEmpty()) {
      write(directory, soFar, "-unfinished");
    }
  }

  private static String write(Path directory, BenchmarkResult result, String suffix) {
    String markdown = MarkdownReport.render(result);
    Path written = ResultFiles.write(directory, result, markdown, suffix);
    System.err.println("[bench] results: " + written + " and its .json beside it");
    return markdown;
  }
}
