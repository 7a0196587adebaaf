package io.crossdesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.testsupport.TestInfrastructure.Backend;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {

  private static final BooleanSupplier DOCKER = () -> true;
  private static final BooleanSupplier NO_DOCKER = () -> false;

  @Test
  void auto_takes_containers_when_a_docker_engine_answers_and_the_embedded_servers_otherwise() {
    assertThat(TestInfrastructure.choose("auto", DOCKER)).isEqualTo(Backend.CONTAINERS);
    assertThat(TestInfrastructure.choose("auto", NO_DOCKER)).isEqualTo(Backend.EMBEDDED);
  }

  @Test
  void containers_without_a_docker_engine_fail_instead_of_falling_back() {
    assertThat(TestInfrastructure.choose("containers", DOCKER)).isEqualTo(Backend.CONTAINERS);
    assertThatThrownBy(() -> TestInfrastructure.choose("containers", NO_DOCKER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no Docker engine answers");
  }

  @Test
  void embedded_never_asks_for_docker() {
    AtomicInteger asked = new AtomicInteger();

    Backend chosen =
        TestInfrastructure.choose(
            "EMBEDDED",
            () -> {
              asked.incrementAndGet();
              return true;
            });

    assertThat(chosen).isEqualTo(Backend.EMBEDDED);
    assertThat(asked).hasValue(0);
  }

  @Test
  void an_unknown_choice_names_the_valid_ones() {
    assertThatThrownBy(() -> TestInfrastructure.choose("docker", DOCKER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auto, containers or embedded");
  }
}
