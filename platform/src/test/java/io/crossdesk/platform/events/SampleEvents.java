package io.crossdesk.platform.events;

import io.crossdesk.contracts.analytics.AnomalyDetected;
import io.crossdesk.contracts.workorder.WorkOrderClosed;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A plausible instance of any event record, every field filled. */
final class SampleEvents {

  private SampleEvents() {}

  static Record of(Class<? extends Record> type) throws ReflectiveOperationException {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = sample(type, components[i]);
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }

  private static Object sample(Class<? extends Record> event, RecordComponent component) {
    Class<?> type = component.getType();
    if (type == Instant.class) {
      return Instant.parse("2026-11-24T08:00:00Z");
    }
    if (type == boolean.class || type == Boolean.class) {
      return Boolean.TRUE;
    }
    if (type == List.class) {
      // A list of records is sampled like an event; any other list holds names.
      if (component.getGenericType() instanceof ParameterizedType list
          && list.getActualTypeArguments()[0] instanceof Class<?> element
          && element.isRecord()) {
        try {
          @SuppressWarnings("unchecked")
          Class<? extends Record> item = (Class<? extends Record>) element;
          return List.of(of(item));
        } catch (ReflectiveOperationException unsampled) {
          throw new IllegalStateException(unsampled);
        }
      }
      return List.of("tier");
    }
    if (type == Map.class) {
      return Map.of("en-US", "our billing team");
    }
    if (type == double.class || type == Double.class) {
      return 1.5;
    }
    if (type == long.class || type == Long.class) {
      return 3600L;
    }
    if (type == int.class || type == Integer.class) {
      return switch (component.getName()) {
        case "score" -> 4;
        case "thresholdPercent" -> 75;
        default -> 2;
      };
    }
    return switch (component.getName()) {
      case "ticketType" -> "COMPLAINT";
      case "rootCause" -> "NETWORK";
      case "stepKind" -> "TASK";
      case "outcome" -> "DONE";
      case "role" -> "TEAM_LEAD";
      case "kind" -> event == AnomalyDetected.class ? "COMPLAINT_SPIKE" : "ROUTING_RULE";
      case "action" -> "UPDATED";
      case "reason" ->
          switch (event.getSimpleName()) {
            case "TicketEscalated" -> "RESOLUTION_TARGET";
            case "TicketClosed" -> "CONFIRMED";
            default -> "reason-1";
          };
      case "from" -> event.getSimpleName().equals("TicketStatusChanged") ? "OPEN" : "A";
      case "to" -> event.getSimpleName().equals("TicketStatusChanged") ? "ROUTED" : "B";
      case "tier", "customerTier" -> "A";
      case "previousType" -> "FAULT";
      case "previousPriority" -> "NORMAL";
      case "basis" -> "POLICY";
      case "status" -> event == WorkOrderClosed.class ? "CANCELLED" : "ACTIVE";
      case "preferredChannel" -> "SMS";
      case "locale" -> "zh-CN";
      case "quietHoursFrom" -> "22:00";
      case "quietHoursTo" -> "08:00";
      case "quietHoursZone" -> "Asia/Shanghai";
      case "type" ->
          event.getSimpleName().equals("TicketReclassified") ? "COMPLAINT" : "ENTERPRISE";
      case "priority" -> "HIGH";
      case "channel" -> event.getSimpleName().startsWith("Notification") ? "EMAIL" : "HOTLINE";
      case "recipientType" -> "CUSTOMER";
      case "category" -> "NETWORK";
      case "email" -> "ops@example.com";
      default -> component.getName() + "-1";
    };
  }
}
