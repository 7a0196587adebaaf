package io.crossdesk.notification.template.web;

import java.util.Map;

/**
 * What to preview: a draft ({@code body} given, {@code subject} as the channel wants) or, without a
 * body, the stored template of {@code kind}, {@code channel} and {@code locale}. {@code values}
 * override the kind's sample values.
 */
record PreviewRequest(
    String kind,
    String channel,
    String locale,
    String subject,
    String body,
    Map<String, String> values) {}
