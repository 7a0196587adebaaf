package io.crossdesk.benchmark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.benchmark.result.Backlog;
import io.crossdesk.benchmark.result.BaselineResult;
import io.crossdesk.benchmark.result.BenchmarkResult;
import io.crossdesk.benchmark.result.Cost;
import io.crossdesk.benchmark.result.CountCheck;
import io.crossdesk.benchmark.result.LatencySummary;
import io.crossdesk.benchmark.result.PhaseResult;
import io.crossdesk.benchmark.result.Ratios;
import io.crossdesk.benchmark.result.RoundResult;
import io.crossdesk.benchmark.result.StoreBaselineResult;
import io.crossdesk.benchmark.result.StoreBaselineResult.RawLeg;
import io.crossdesk.benchmark.result.StoreComparison;
import io.crossdesk.benchmark.result.StoreReplayResult;
import io.crossdesk.benchmark.result.TargetCheck;
import io.crossdesk.benchmark.result.Tickets;
import io.crossdesk.benchmark.result.Traffic;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {

  @Test
  void the_summary_shows_errors_by_status_ratios_to_kafka_and_the_count_check_verdict() {
    String markdown = MarkdownReport.render(result(1, true));

    assertThat(markdown)
        .contains("## Kafka alone", "## Round 1", "## Targets", "## Count check: FAILED")
        .contains("HTTP 429: 120")
        .contains("| REST via gateway | 32 connections, closed loop | 60 | 80 |")
        .contains("×0.002")
        .contains("| insert | 4 |")
        .contains("| opened, not routed by the end | 1 |")
        .contains("NOT MET");
  }

  @Test
  void a_run_stopped_half_way_shows_the_phases_it_finished_and_no_count_check() {
    String markdown = MarkdownReport.render(result(0, false));

    assertThat(markdown)
        .contains("Stopped before the end", "## Round 1", "| REST via gateway |")
        .doesNotContain("## Kafka alone", "## Count check");
  }

  @Test
  void the_store_alone_and_the_phases_against_it_show_with_their_ratios() {
    BenchmarkResult run = result(0, true);
    BenchmarkResult withStore =
        new BenchmarkResult(
            run.runId(),
            run.startedAt(),
            run.finishedAt(),
            run.machine(),
            run.options(),
            run.kafkaAlone(),
            STORE,
            run.rounds(),
            null,
            0,
            List.of(),
            run.targets(),
            List.of(
                new StoreComparison(
                    "Round 1", "intake at 100/s", "intake", 70, 0.35, 9.5, 1.9, 15.3, 1.02)),
            run.countCheck());

    String markdown = MarkdownReport.render(withStore);

    assertThat(markdown)
        .contains("## The store alone", "## End to end against the store alone")
        .contains("recorded by the store during Sustained: intake at 25/s (30,000 commands")
        .contains("4 threads, each sending a contiguous part of the recording in order")
        .contains("the 9,000 documents the store held when the recording started")
        .contains(
            "| tickets/s the store allows for the services' commands | 200 (3,000 commands/s ÷ 15"
                + " commands per ticket) |")
        .contains("| store CPU | 5 ms per ticket, 0.333 ms per command |")
        .contains("| MongoDB commands per ticket, as recorded | 15 (insert 9, find 6) |")
        .contains("| answered differently than when recorded | 3 of 30,000, 0.01% (find: 3) |")
        .contains("| not recorded (cursor continuations, handshake, monitoring) | getMore: 2 |")
        .contains("insertOne, 4 threads, 812-byte documents")
        .contains("2,000 documents/s, store CPU 0.4 ms per document")
        .contains("| Round 1 | intake at 100/s | 70 | 35% | 9.5 | ×1.9 | 15.3 | ×1.02 |");
  }

  @Test
  void a_run_with_the_store_alone_reads_back_from_its_json_as_it_was_written(@TempDir Path dir) {
    BenchmarkResult run = result(0, true);
    BenchmarkResult withStore =
        new BenchmarkResult(
            run.runId(),
            run.startedAt(),
            run.finishedAt(),
            run.machine(),
            run.options(),
            run.kafkaAlone(),
            STORE,
            run.rounds(),
            null,
            0,
            List.of(),
            run.targets(),
            List.of(),
            run.countCheck());

    ResultFiles.write(dir, withStore, MarkdownReport.render(withStore), "");

    assertThat(ResultFiles.read(dir.resolve("bench-" + run.runId() + ".json")).storeAlone())
        .isEqualTo(STORE);
  }

  @Test
  void a_store_only_run_shows_the_store_alone_and_nothing_is_said_to_be_missing() {
    BenchmarkResult storeOnly =
        new BenchmarkResult(
            "20260101-000000",
            Instant.EPOCH,
            Instant.EPOCH,
            Map.of("cores", "2", "os", "Linux", "java", "17"),
            Map.of("mode", "store-only"),
            null,
            STORE,
            List.of(),
            null,
            0,
            List.of(),
            List.of(),
            List.of(),
            null);

    String markdown = MarkdownReport.render(storeOnly);

    assertThat(markdown)
        .contains("## The store alone", "| MongoDB commands per ticket, as recorded | 15 (")
        .doesNotContain("Stopped before the end", "## Targets", "## End to end against");
  }

  static final StoreReplayResult REPLAY =
      new StoreReplayResult(
          "/results/bench-20260101-000000-store.bson",
          "Sustained: intake at 25/s",
          80,
          30_000,
          2_000,
          Map.of("find", 6.0, "insert", 9.0, "total", 15.0),
          Map.of("getMore", 2L),
          120,
          9_000,
          4,
          10,
          3_000,
          200.0,
          10.0,
          5.0,
          1 / 3.0,
          Map.of(),
          Map.of("find", 3L),
          0);

  private static final StoreBaselineResult STORE =
      new StoreBaselineResult(
          REPLAY,
          new RawLeg(4, 1, 812, 20000, 10, 2000, 0.4),
          new RawLeg(1, 200, 812, 40000, 10, 4000, 0.2));

  private static BenchmarkResult result(long unrouted, boolean finished) {
    PhaseResult phase =
        new PhaseResult(
            "REST via gateway",
            "rest-gateway",
            "32 connections, closed loop",
            10,
            2,
            unrouted == 0,
            new Traffic(
                600, 80, Map.of("HTTP 429", 120L), 60, 0, new LatencySummary(600, 5, 9, 9, 10)),
            new Tickets(
                80,
                80,
                8,
                80 - unrouted,
                7.9,
                0,
                unrouted,
                new LatencySummary(79, 100, 300, 400, 400)),
            new Backlog(Map.of("ticket-service", 0.0), Map.of("ticket-service", 12.0), Map.of()),
            new Cost(
                80,
                Map.of("ticket-service", 1.5),
                Map.of("ticket-service", 280.0),
                Map.of("insert", 320L),
                Map.of("ticket-service", Map.of("insert", 320L)),
                Map.of("insert", 4.0, "total", 4.0),
                19.0),
            new Ratios(0.002, 0.002, 20.0, 30.0, 40.0));
    return new BenchmarkResult(
        "20260101-000000",
        Instant.EPOCH,
        Instant.EPOCH,
        Map.of("cores", "2", "os", "Linux", "java", "17"),
        Map.of("rate", "40"),
        finished
            ? new BaselineResult(437, 4000, 4000, 40, new LatencySummary(400, 5, 10, 10, 12))
            : null,
        null,
        List.of(new RoundResult("Round 1", 0, 80, List.of(phase))),
        null,
        0,
        List.of(),
        List.of(new TargetCheck("Round 1: p99 <= 250 ms", false, "p99 300 ms")),
        List.of(),
        finished
            ? new CountCheck(80, 80, 79, 0, unrouted, 0, 0, 0, Map.of(), unrouted == 0)
            : null);
  }
}
