package io.crossdesk.ticket.lifecycle.domain;

import io.crossdesk.ticket.classification.domain.Priority;
import io.crossdesk.ticket.classification.domain.TicketType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The categories a ticket may have. An unknown one is refused with the list of valid ones. */
public final class CategoryCatalogue {

  private final Map<String, Category> byCode;

  public CategoryCatalogue(Collection<Category> categories) {
    this.byCode =
        categories.stream()
            .collect(
                Collectors.toMap(Category::code, Function.identity(), (a, b) -> b, TreeMap::new));
  }

  /** The catalogue a new desk starts with. */
  public static List<Category> seed() {
    return List.of(
        new Category("NETWORK", "网络故障", "Network", TicketType.FAULT, Priority.HIGH),
        new Category("BILLING", "账单与费用", "Billing", TicketType.COMPLAINT, Priority.NORMAL),
        new Category("TARIFF", "资费咨询", "Tariffs", TicketType.CONSULTATION, Priority.NORMAL),
        new Category("PROMOTION", "优惠活动", "Promotions", TicketType.CONSULTATION, Priority.LOW),
        new Category(
            "INSTALLATION", "装机与开通", "Installation", TicketType.SERVICE_REQUEST, Priority.NORMAL),
        new Category(
            "SERVICE_QUALITY", "服务质量", "Service quality", TicketType.COMPLAINT, Priority.HIGH),
        new Category("ACCOUNT", "账户管理", "Account", TicketType.SERVICE_REQUEST, Priority.NORMAL),
        new Category(
            "ENTERPRISE_LINE",
            "企业专线",
            "Enterprise line",
            TicketType.SERVICE_REQUEST,
            Priority.HIGH),
        new Category("OTHER", "其他", "Other", TicketType.CONSULTATION, Priority.NORMAL));
  }

  /**
   * @throws InvalidTicketException naming the valid codes, for a code not in the catalogue
   */
  public Category require(String code) {
    Category category = byCode.get(code);
    if (category == null) {
      throw new InvalidTicketException(
          "category", "must be one of " + String.join(", ", byCode.keySet()));
    }
    return category;
  }

  public List<Category> all() {
    return List.copyOf(byCode.values());
  }
}
