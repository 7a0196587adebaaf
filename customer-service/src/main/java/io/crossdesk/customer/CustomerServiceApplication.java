package io.crossdesk.customer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Customers, their tiers and contact details: the desk's single view of who is calling. */
@SpringBootApplication
@EnableConfigurationProperties(CustomerProperties.class)
public class CustomerServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CustomerServiceApplication.class, args);
  }
}
