package io.crossdesk.workorder.configuration.web;

import io.crossdesk.workorder.flow.domain.StepTemplate;
import java.util.List;

/** A flow template as an administrator saves it; the service gives it its version. */
record FlowTemplateRequest(String name, String description, List<StepTemplate> steps) {}
