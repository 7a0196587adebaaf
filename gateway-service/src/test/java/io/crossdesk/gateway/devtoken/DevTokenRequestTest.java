package io.crossdesk.gateway.devtoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevTokenRequestTest {

  @Test
  void agentWithASubjectIsValid() {
    assertThat(new DevTokenRequest("agent-7", List.of("AGENT"), null, null).errors()).isEmpty();
  }

  @Test
  void departmentStaffNeedTheirDepartment() {
    assertThat(new DevTokenRequest("net-1", List.of("DEPARTMENT"), " ", null).errors())
        .containsExactly(new FieldError("department", "is required for the DEPARTMENT role"));
    assertThat(new DevTokenRequest("net-1", List.of("DEPARTMENT"), "network-ops", null).errors())
        .isEmpty();
  }

  @Test
  void customersNeedTheirCustomerId() {
    assertThat(new DevTokenRequest("c-1", List.of("CUSTOMER"), null, null).errors())
        .containsExactly(new FieldError("customerId", "is required for the CUSTOMER role"));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThat(new DevTokenRequest(null, List.of("ROOT", "CUSTOMER"), null, null).errors())
        .extracting(FieldError::field)
        .containsExactly("sub", "roles[0]", "customerId");
  }

  @Test
  void unknownRoleMessageListsTheKnownOnes() {
    assertThat(new DevTokenRequest("x", List.of("ROOT"), null, null).errors())
        .singleElement()
        .extracting(FieldError::message)
        .isEqualTo("must be one of CUSTOMER, AGENT, DEPARTMENT, SUPERVISOR, ADMIN, SYSTEM");
  }
}
