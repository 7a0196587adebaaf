package io.crossdesk.ticket.lifecycle.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.crossdesk.platform.events.Traces;
import io.crossdesk.platform.security.PlatformSecurityAutoConfiguration;
import io.crossdesk.platform.web.PlatformWebAutoConfiguration;
import io.crossdesk.testsupport.TestKeys;
import io.crossdesk.testsupport.TestTokens;
import io.crossdesk.ticket.customer.application.CustomerDirectory;
import io.crossdesk.ticket.lifecycle.application.TicketClocks;
import io.crossdesk.ticket.lifecycle.application.TicketLookup;
import io.crossdesk.ticket.lifecycle.application.TicketOpening;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web layer of opening a ticket alone: request validation, problem details and the access
 * check, with real token validation and without the service behind the controller, which must not
 * be reached by a request that is refused.
 */
@WebMvcTest(TicketController.class)
@ImportAutoConfiguration({
  PlatformWebAutoConfiguration.class,
  PlatformSecurityAutoConfiguration.class,
  SecurityAutoConfiguration.class,
  ServletWebSecurityAutoConfiguration.class,
  SecurityFilterAutoConfiguration.class
})
class TicketControllerWebTest {

  @TestConfiguration(proxyBeanMethods = false)
  static class NoTraces {
    @Bean
    Traces traces() {
      return Traces.NONE;
    }
  }

  @DynamicPropertySource
  static void tokens(DynamicPropertyRegistry registry) {
    registry.add("crossdesk.security.issuer", () -> TestTokens.ISSUER);
    registry.add(
        "crossdesk.security.public-key-location", () -> "file:" + TestKeys.get().publicKeyFile());
  }

  @Autowired MockMvc mvc;
  @MockitoBean CustomerDirectory customers;
  @MockitoBean TicketOpening opening;
  @MockitoBean TicketLookup lookup;
  @MockitoBean TicketClocks clocks;

  @Test
  void a_request_with_invalid_fields_names_each_of_them_and_reaches_nothing_behind()
      throws Exception {
    mvc.perform(
            post("/api/tickets")
                .header("Authorization", TestTokens.agent())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"customerId":"","channel":"PIGEON","category":"network","title":"",
                     "description":"The line drops","region":"Shanghai / Pudong"}"""))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath(
                "$.errors[*].field",
                containsInAnyOrder("customerId", "channel", "category", "title", "region")));
    verifyNoInteractions(customers, opening, lookup);
  }

  @Test
  void a_body_that_is_not_json_is_refused_with_problem_details() throws Exception {
    mvc.perform(
            post("/api/tickets")
                .header("Authorization", TestTokens.agent())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerId\": \"C-1\", \"channel\": "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(customers, opening, lookup);
  }

  @Test
  void a_request_without_a_valid_token_is_refused_before_its_body_is_read() throws Exception {
    String valid =
        """
        {"customerId":"C-1","channel":"WEB","category":"NETWORK","title":"No line",
         "description":"The line drops"}""";
    mvc.perform(post("/api/tickets").contentType(MediaType.APPLICATION_JSON).content(valid))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/api/tickets")
                .header(
                    "Authorization",
                    "Bearer "
                        + TestTokens.signedByAnotherKey("agent-7", java.util.List.of("AGENT")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(valid))
        .andExpect(status().isUnauthorized());
    verifyNoInteractions(customers, opening, lookup);
  }

  @Test
  void a_customer_opening_for_another_customer_is_refused_and_nothing_is_looked_up()
      throws Exception {
    mvc.perform(
            post("/api/tickets")
                .header("Authorization", TestTokens.customer("C-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"customerId":"C-2","channel":"WEB","category":"NETWORK","title":"No line",
                     "description":"The line drops"}"""))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(customers, opening, lookup);
  }
}
