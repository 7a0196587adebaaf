package io.crossdesk.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadlineKeyTest {

  @Test
  void a_key_is_read_back_from_its_id_even_when_the_aggregate_id_holds_the_separator() {
    DeadlineKey key = new DeadlineKey("ticket.escalation", "odd|id", "resolution");

    assertThat(DeadlineKey.fromId(key.id())).contains(key);
  }

  @Test
  void what_is_no_deadline_id_reads_as_none() {
    assertThat(DeadlineKey.fromId("no-separator")).isEmpty();
    assertThat(DeadlineKey.fromId("|aggregate|name")).isEmpty();
    assertThat(DeadlineKey.fromId("kind|aggregate|")).isEmpty();
    assertThat(DeadlineKey.fromId("kind|name")).isEmpty();
  }
}
