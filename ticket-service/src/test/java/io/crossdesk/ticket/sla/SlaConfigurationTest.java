package io.crossdesk.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.ticket.customer.domain.CustomerTier;
import io.crossdesk.ticket.sla.domain.ResolutionPolicy;
import io.crossdesk.ticket.ticket.domain.Priority;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaConfigurationTest {

  private final SlaConfiguration configuration = new SlaConfiguration();

  @Test
  void uses_the_defaults_when_nothing_is_overridden() {
    ResolutionPolicy policy = configuration.resolutionPolicy(new SlaProperties(null));

    assertThat(policy.resolutionTime(CustomerTier.A, Priority.URGENT)).hasHours(4);
  }

  @Test
  void overrides_cells_named_in_any_case() {
    ResolutionPolicy policy =
        configuration.resolutionPolicy(
            new SlaProperties(Map.of("a", Map.of("urgent", 2), "C", Map.of("LOW", 96))));

    assertThat(policy.resolutionTime(CustomerTier.A, Priority.URGENT)).hasHours(2);
    assertThat(policy.resolutionTime(CustomerTier.C, Priority.LOW)).hasHours(96);
    assertThat(policy.resolutionTime(CustomerTier.B, Priority.NORMAL)).hasHours(48);
  }

  @Test
  void fails_the_start_on_a_misspelt_priority() {
    assertThatThrownBy(
            () ->
                configuration.resolutionPolicy(new SlaProperties(Map.of("A", Map.of("URGNET", 2)))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
