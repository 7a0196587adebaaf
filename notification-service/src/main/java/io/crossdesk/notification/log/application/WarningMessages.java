package io.crossdesk.notification.log.application;

import io.crossdesk.contracts.analytics.AnomalyDetected;
import io.crossdesk.contracts.analytics.CustomerAtRisk;
import io.crossdesk.notification.contact.domain.Contact;
import io.crossdesk.notification.contact.persistence.ContactDirectory;
import io.crossdesk.notification.log.domain.DeliveryAddress;
import io.crossdesk.notification.log.domain.Moments;
import io.crossdesk.notification.log.domain.Notification;
import io.crossdesk.notification.log.domain.Occasion;
import io.crossdesk.notification.log.domain.RecipientType;
import io.crossdesk.notification.template.application.TemplateCatalogue;
import io.crossdesk.notification.template.application.Templates;
import io.crossdesk.notification.template.domain.Locales;
import io.crossdesk.notification.template.domain.MessageKind;
import io.crossdesk.platform.consumer.Delivered;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The messages analytics' warnings cause: a complaint spike to the supervisors (their shared feed
 * and the contacts in {@code crossdesk.notifications.supervisors}); a customer at risk to the
 * customer's account manager, or to the supervisors when the customer has none. Neither waits for
 * anyone's quiet hours.
 */
@Component
public class WarningMessages {

  private final ContactDirectory contacts;
  private final TemplateCatalogue templates;
  private final MessageWriter writer;
  private final Deliveries deliveries;
  private final List<DeliveryAddress> supervisors;

  WarningMessages(
      ContactDirectory contacts,
      TemplateCatalogue templates,
      MessageWriter writer,
      Deliveries deliveries,
      NotificationProperties properties) {
    this.contacts = contacts;
    this.templates = templates;
    this.writer = writer;
    this.deliveries = deliveries;
    List<DeliveryAddress> to = new ArrayList<>();
    to.add(DeliveryAddress.supervisors());
    properties.supervisors().stream().map(DeliveryAddress::contact).forEach(to::add);
    this.supervisors = List.copyOf(to);
  }

  public void anomalies(List<Delivered<AnomalyDetected>> run) {
    Templates inForce = templates.current();
    List<Notification> written = new ArrayList<>();
    for (Delivered<AnomalyDetected> one : run) {
      AnomalyDetected spike = one.data();
      Occasion occasion = new Occasion(one.eventId(), spike.detectedAt(), null, null, true);
      written.addAll(
          writer.toStaff(
              inForce,
              occasion,
              MessageKind.ANOMALY_DETECTED,
              supervisors,
              locale -> {
                Map<String, String> values = new HashMap<>();
                boolean chinese = Locales.ZH_CN.equals(locale);
                values.put(
                    "anomaly",
                    chinese
                        ? spike.region() + " 地区 " + spike.category() + " 类投诉激增"
                        : "Complaints about "
                            + spike.category()
                            + " in "
                            + spike.region()
                            + " spiked");
                values.put("category", spike.category());
                values.put("region", spike.region());
                values.put(
                    "observed",
                    chinese
                        ? spike.observed() + " 件/小时"
                        : spike.observed()
                            + " in the hour from "
                            + Moments.at(spike.hourStart(), locale));
                values.put(
                    "expected",
                    chinese
                        ? "约 " + oneDecimal(spike.baselineMean()) + " 件/小时"
                        : "about " + oneDecimal(spike.baselineMean()) + " per hour");
                values.put("detectedAt", Moments.at(spike.detectedAt(), locale));
                return values;
              }));
    }
    deliveries.deliver(written);
  }

  public void atRisk(List<Delivered<CustomerAtRisk>> run) {
    Templates inForce = templates.current();
    Map<String, Contact> known =
        contacts.findAll(run.stream().map(d -> d.data().customerId()).toList());
    List<Notification> written = new ArrayList<>();
    for (Delivered<CustomerAtRisk> one : run) {
      CustomerAtRisk risk = one.data();
      Contact customer = known.get(risk.customerId());
      String manager = customer == null ? null : customer.accountManager();
      List<DeliveryAddress> to =
          manager != null
              ? List.of(DeliveryAddress.feed(RecipientType.STAFF, manager))
              : supervisors;
      Occasion occasion =
          new Occasion(one.eventId(), risk.flaggedAt(), risk.customerId(), risk.ticketId(), true);
      written.addAll(
          writer.toStaff(
              inForce,
              occasion,
              MessageKind.CUSTOMER_AT_RISK,
              to,
              locale -> {
                Map<String, String> values = new HashMap<>();
                values.put("accountManager", manager != null ? manager : "supervisors");
                values.put("customerName", customer != null ? customer.name() : risk.customerId());
                values.put("customerTier", risk.customerTier());
                values.put(
                    "reason",
                    risk.reasons().stream()
                        .filter(reason -> reason.code().equals(risk.newReason()))
                        .map(CustomerAtRisk.Reason::detail)
                        .findFirst()
                        .orElse(risk.newReason()));
                values.put(
                    "reasons",
                    risk.reasons().stream()
                        .map(CustomerAtRisk.Reason::detail)
                        .collect(Collectors.joining("; ")));
                return values;
              }));
    }
    deliveries.deliver(written);
  }

  private static String oneDecimal(double value) {
    return String.valueOf(Math.round(value * 10) / 10.0);
  }
}
