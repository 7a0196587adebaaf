package io.crossdesk.workorder.workorder.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossdesk.workorder.routing.domain.Department;
import io.crossdesk.workorder.workorder.domain.WorkOrderSearch;
import io.crossdesk.workorder.workorder.domain.WorkOrderStatus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkOrderSearchParamsTest {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void createValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  @Test
  void filters_by_department_id_and_status_name() {
    WorkOrderSearchParams params = new WorkOrderSearchParams("T-1", "field-service", "ROUTED");

    assertThat(validator.validate(params)).isEmpty();
    assertThat(params.toSearch())
        .isEqualTo(new WorkOrderSearch("T-1", Department.FIELD_SERVICE, WorkOrderStatus.ROUTED));
  }

  @Test
  void blank_parameters_do_not_filter() {
    WorkOrderSearchParams params = new WorkOrderSearchParams(" ", "", " ");

    assertThat(validator.validate(params)).isEmpty();
    assertThat(params.toSearch()).isEqualTo(new WorkOrderSearch(null, null, null));
  }

  @Test
  void names_an_unknown_department_and_status_listing_the_accepted_values() {
    List<ConstraintViolation<WorkOrderSearchParams>> violations =
        validator.validate(new WorkOrderSearchParams(null, "NETWORK_OPS", "LOST")).stream()
            .toList();

    assertThat(violations)
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactlyInAnyOrder("department", "status");
    assertThat(violations)
        .filteredOn(violation -> violation.getPropertyPath().toString().equals("department"))
        .singleElement()
        .extracting(ConstraintViolation::getMessage)
        .asString()
        .contains("network-ops", "billing", "service-center", "field-service");
  }
}
