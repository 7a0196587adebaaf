package io.crossdesk.benchmark.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String SCRAPE =
      """
      # HELP crossdesk_outbox_pending Documents whose outbox still holds unpublished events
      # TYPE crossdesk_outbox_pending gauge
      crossdesk_outbox_pending{collection="tickets"} 3.0
      crossdesk_outbox_pending{collection="customers"} 1.0
      mongodb_driver_commands_seconds_count{cluster_id="c1",collection="tickets",command="insert",database="d",server_address="127.0.0.1:27017",status="SUCCESS"} 40
      mongodb_driver_commands_seconds_count{cluster_id="c1",collection="outbox",command="insert",database="d",server_address="127.0.0.1:27017",status="FAILED"} 2
      mongodb_driver_commands_seconds_count{cluster_id="c1",collection="tickets",command="findAndModify",database="d",server_address="127.0.0.1:27017",status="SUCCESS"} 7
      mongodb_driver_commands_seconds_sum{cluster_id="c1",collection="tickets",command="insert",database="d",server_address="127.0.0.1:27017",status="SUCCESS"} 0.5
      jvm_threads_live_threads 42.0
      """;

  @Test
  void sums_the_outbox_backlog_and_counts_store_commands_per_command() {
    PrometheusText text = PrometheusText.parse(SCRAPE);

    assertThat(text.hasOutbox()).isTrue();
    assertThat(text.outboxPending()).isEqualTo(4.0);
    assertThat(text.commands()).containsEntry("insert", 42L).containsEntry("findAndModify", 7L);
    assertThat(text.commands()).hasSize(2);
  }

  @Test
  void a_service_without_an_outbox_says_so() {
    PrometheusText text = PrometheusText.parse("jvm_threads_live_threads 42.0\n");

    assertThat(text.hasOutbox()).isFalse();
    assertThat(text.commands()).isEmpty();
  }
}
