package io.crossdesk.notification.template.web;

import java.util.List;

/** One page of templates in key order, with how many match in all. */
record TemplatePage(List<TemplateView> items, int page, int size, long total) {}
