package io.crossdesk.notification.template.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked text of a template for one kind and channel: its subject (e-mail requires one, SMS
 * has none, in-app and webhook texts may use it as a title) and its body.
 *
 * <p>Limits: a subject is one line of at most {@value #SUBJECT_LIMIT} characters; a body at most
 * {@value #BODY_LIMIT}; an SMS at most {@value #SMS_LIMIT} characters after rendering (five
 * concatenated segments of Chinese text, two and a bit of Latin text), checked with the sample
 * values when saved and cut with an ellipsis when real values make it longer.
 */
public final class TemplateContent {

  public static final int SUBJECT_LIMIT = 200;
  public static final int BODY_LIMIT = 10_000;
  public static final int SMS_LIMIT = 320;

  private final MessageKind kind;
  private final Channel channel;
  private final String subjectSource;
  private final String bodySource;
  private final TemplateText subject;
  private final TemplateText body;

  private TemplateContent(
      MessageKind kind,
      Channel channel,
      String subject,
      String body,
      TemplateText parsedSubject,
      TemplateText parsedBody) {
    this.kind = kind;
    this.channel = channel;
    this.subjectSource = subject;
    this.bodySource = body;
    this.subject = parsedSubject;
    this.body = parsedBody;
  }

  /**
   * @throws InvalidTemplateException naming every field at fault: {@code channel} the kind is not
   *     written for, {@code subject} or {@code body} malformed, too long or using a placeholder the
   *     kind does not offer
   */
  public static TemplateContent of(MessageKind kind, Channel channel, String subject, String body) {
    List<TemplateProblem> problems = new ArrayList<>();
    if (!kind.offers(channel)) {
      problems.add(
          new TemplateProblem(
              "channel", kind.id() + " is written for " + kind.channels() + " only"));
    }
    String subjectSource = subject == null || subject.isBlank() ? null : subject;
    TemplateText parsedSubject = null;
    if (subjectSource == null) {
      if (channel == Channel.EMAIL) {
        problems.add(new TemplateProblem("subject", "an e-mail needs a subject"));
      }
    } else if (channel == Channel.SMS) {
      problems.add(new TemplateProblem("subject", "an SMS has no subject: leave it out"));
    } else if (subjectSource.length() > SUBJECT_LIMIT) {
      problems.add(
          new TemplateProblem("subject", "must be at most " + SUBJECT_LIMIT + " characters"));
    } else if (subjectSource.contains("\n") || subjectSource.contains("\r")) {
      problems.add(new TemplateProblem("subject", "must be one line"));
    } else {
      parsedSubject = parsed("subject", subjectSource, kind, problems);
    }
    TemplateText parsedBody = null;
    if (body == null || body.isBlank()) {
      problems.add(new TemplateProblem("body", "must not be blank"));
    } else if (body.length() > BODY_LIMIT) {
      problems.add(new TemplateProblem("body", "must be at most " + BODY_LIMIT + " characters"));
    } else {
      parsedBody = parsed("body", body, kind, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidTemplateException(problems);
    }
    TemplateContent content =
        new TemplateContent(kind, channel, subjectSource, body, parsedSubject, parsedBody);
    if (channel == Channel.SMS) {
      int length = content.bodyLength(samples(kind));
      if (length > SMS_LIMIT) {
        throw new InvalidTemplateException(
            List.of(
                new TemplateProblem(
                    "body",
                    "renders to "
                        + length
                        + " characters with the sample values; an SMS may have at most "
                        + SMS_LIMIT)));
      }
    }
    return content;
  }

  private static TemplateText parsed(
      String field, String source, MessageKind kind, List<TemplateProblem> problems) {
    TemplateText text;
    try {
      text = TemplateText.parse(source);
    } catch (TemplateSyntaxException malformed) {
      problems.add(new TemplateProblem(field, malformed.getMessage()));
      return null;
    }
    List<String> unknown = text.placeholders().stream().filter(name -> !kind.offers(name)).toList();
    for (String name : unknown) {
      problems.add(
          new TemplateProblem(
              field,
              "unknown placeholder {{"
                  + name
                  + "}}: "
                  + kind.id()
                  + " offers "
                  + kind.placeholders().stream().map(Placeholder::name).toList()));
    }
    return unknown.isEmpty() ? text : null;
  }

  /** Every placeholder of {@code kind} with its sample value. */
  public static Map<String, String> samples(MessageKind kind) {
    Map<String, String> samples = new HashMap<>();
    kind.placeholders()
        .forEach(placeholder -> samples.put(placeholder.name(), placeholder.sample()));
    return samples;
  }

  /**
   * The message for these values: the subject on one line, the body HTML-escaped for e-mail (whose
   * body is HTML) and as given for the plain-text channels, an SMS cut to {@value #SMS_LIMIT}
   * characters.
   */
  public Rendered render(Map<String, String> values) {
    String renderedSubject = subject == null ? null : subject.render(values, Escaping.ONE_LINE);
    String renderedBody =
        body.render(values, channel == Channel.EMAIL ? Escaping.HTML : Escaping.PLAIN);
    if (channel == Channel.SMS && renderedBody.length() > SMS_LIMIT) {
      renderedBody = renderedBody.substring(0, SMS_LIMIT - 1) + "…";
    }
    return new Rendered(renderedSubject, renderedBody);
  }

  private int bodyLength(Map<String, String> values) {
    return body.render(values, Escaping.PLAIN).length();
  }

  public MessageKind kind() {
    return kind;
  }

  public Channel channel() {
    return channel;
  }

  public String subject() {
    return subjectSource;
  }

  public String body() {
    return bodySource;
  }
}
