package io.crossdesk.workorder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Work orders: routes every opened ticket to the department that must act on it. */
@SpringBootApplication
public class WorkOrderServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorkOrderServiceApplication.class, args);
  }
}
