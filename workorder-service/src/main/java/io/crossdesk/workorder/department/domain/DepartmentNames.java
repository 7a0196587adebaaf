package io.crossdesk.workorder.department.domain;

/**
 * What a department is called: for staff in Chinese and English, and for customers, who read "our
 * network team" rather than an org-chart name.
 */
public record DepartmentNames(String zhCN, String enUS, String customer) {}
