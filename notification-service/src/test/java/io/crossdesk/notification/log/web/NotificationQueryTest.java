package io.crossdesk.notification.log.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossdesk.security.Caller;
import io.crossdesk.security.Role;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class NotificationQueryTest {

  private static final Caller AGENT = new Caller("agent-7", EnumSet.of(Role.AGENT), null, null);
  private static final Caller CUSTOMER =
      new Caller("customer-C-1", EnumSet.of(Role.CUSTOMER), null, "C-1");

  @Test
  void staff_search_any_customer_and_ticket() {
    NotificationQuery query = new NotificationQuery("C-9", "T-9");

    assertThat(query.visibleTo(AGENT)).isEqualTo(query);
  }

  @Test
  void a_customer_without_filter_sees_their_own_notifications() {
    assertThat(new NotificationQuery(null, "T-9").visibleTo(CUSTOMER))
        .isEqualTo(new NotificationQuery("C-1", "T-9"));
  }

  @Test
  void a_customer_may_not_read_another_customers_notifications() {
    assertThatThrownBy(() -> new NotificationQuery("C-2", null).visibleTo(CUSTOMER))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void a_customer_token_without_customer_id_reads_nothing() {
    Caller anonymousCustomer = new Caller("someone", EnumSet.of(Role.CUSTOMER), null, null);

    assertThatThrownBy(() -> new NotificationQuery(null, null).visibleTo(anonymousCustomer))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void blank_filters_do_not_filter() {
    assertThat(new NotificationQuery(" ", "")).isEqualTo(new NotificationQuery(null, null));
  }
}
