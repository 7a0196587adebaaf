package io.crossdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void defaults_drive_the_local_stack_on_its_default_ports() {
    BenchOptions options = BenchOptions.parse(List.of("--run-dir", "does-not-exist"));

    assertThat(options.quick()).isFalse();
    assertThat(options.connections()).isEqualTo(32);
    assertThat(options.gateway()).isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(options.services())
        .containsEntry("ticket-service", URI.create("http://127.0.0.1:8082"))
        .hasSize(5);
    assertThat(options.pids()).isEmpty();
    assertThat(options.storeOnly()).isFalse();
    assertThat(options.mongo()).isEqualTo("mongodb://127.0.0.1:27017");
  }

  @Test
  void store_only_replays_a_recording_on_a_store_that_can_be_elsewhere() {
    BenchOptions options =
        BenchOptions.parse(
            List.of(
                "--store-only",
                "--replay",
                "results/bench-1-store.bson",
                "--mongo",
                "mongodb://127.0.0.1:28017",
                "--replay-threads=2",
                "--duration",
                "5"));

    assertThat(options.storeOnly()).isTrue();
    assertThat(options.replay()).isEqualTo(Path.of("results/bench-1-store.bson"));
    assertThat(options.replayThreads()).isEqualTo(2);
    assertThat(options.quick()).isFalse();
    assertThat(options.mongo()).isEqualTo("mongodb://127.0.0.1:28017");
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void store_only_without_a_recording_or_a_recording_without_store_only_is_refused() {
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--store-only", "--run-dir", "x")))
        .hasMessageContaining("--replay FILE");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--replay", "r.bson", "--run-dir", "x")))
        .hasMessageContaining("--store-only");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--replay-threads", "0", "--run-dir", "x")))
        .hasMessageContaining("replay-threads >= 1");
  }

  @Test
  void the_full_mode_records_a_phase_at_a_modest_rate_and_replays_on_four_threads() {
    BenchOptions full = BenchOptions.parse(List.of("--run-dir", "does-not-exist"));
    BenchOptions quick = BenchOptions.parse(List.of("--quick", "--run-dir", "does-not-exist"));

    assertThat(full.recordRate()).isEqualTo(25);
    assertThat(full.replayThreads()).isEqualTo(4);
    assertThat(full.replay()).isNull();
    assertThat(quick.recordRate()).isEqualTo(10);
  }

  @Test
  void quick_sets_short_phases_which_explicit_options_still_override() {
    BenchOptions options =
        BenchOptions.parse(List.of("--duration=2", "--quick", "--rate", "40", "--pids", "a=1,b=2"));

    assertThat(options.quick()).isTrue();
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.rate()).isEqualTo(40);
    assertThat(options.connections()).isEqualTo(8);
    assertThat(options.pids()).containsEntry("a", 1L).containsEntry("b", 2L);
  }

  @Test
  void sustained_steps_through_its_rates_with_minute_long_phases_after_a_warm_up() {
    BenchOptions options =
        BenchOptions.parse(List.of("--sustained", "--run-dir", "does-not-exist"));

    assertThat(options.sustained()).isTrue();
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.drainTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(options.rates()).startsWith(25, 30).contains(150).endsWith(300, 400);
  }

  @Test
  void a_quick_sustained_run_is_short_and_its_rates_can_be_given() {
    BenchOptions quick =
        BenchOptions.parse(List.of("--sustained", "--quick", "--run-dir", "does-not-exist"));
    BenchOptions given =
        BenchOptions.parse(
            List.of("--sustained", "--rates", "40, 80", "--warmup=30", "--run-dir", "x"));

    assertThat(quick.duration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(quick.rates()).containsExactly(10, 20);
    assertThat(given.rates()).containsExactly(40, 80);
    assertThat(given.warmup()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void an_unknown_or_incomplete_option_is_refused() {
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--rat", "5")))
        .hasMessageContaining("unknown option --rat");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("--rate")))
        .hasMessageContaining("needs a value");
  }
}
