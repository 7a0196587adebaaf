package io.crossdesk.workorder.department.domain;

/** Who a department's escalations of one level go to: 1 team lead, 2 head, 3 quality. */
public record EscalationContact(int level, String contact) {}
