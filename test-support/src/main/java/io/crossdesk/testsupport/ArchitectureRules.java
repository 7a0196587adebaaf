package io.crossdesk.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape every service keeps. Use in a service's test: {@code @AnalyzeClasses(packages =
 * "io.crossdesk.<service>", importOptions = ImportOption.DoNotIncludeTests.class)} with
 * {@code @ArchTest static final ArchRule domain = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;}.
 */
public final class ArchitectureRules {

  /** Business rules know no framework, broker, database or adapter. */
  public static final ArchRule DOMAIN_IS_PLAIN_JAVA =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "org.apache.kafka..",
              "com.mongodb..",
              "org.bson..",
              "io.crossdesk.platform..",
              "..web..",
              "..persistence..",
              "..messaging..")
          .because("domain code is plain Java; adapters depend on it, never the reverse");

  private ArchitectureRules() {}
}
