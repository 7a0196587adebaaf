package io.crossdesk.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape every service keeps. Use in a service's test: {@code @AnalyzeClasses(packages =
 * "io.crossdesk.<service>", importOptions = ImportOption.DoNotIncludeTests.class)} with
 * {@code @ArchTest static final ArchRule domain = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;}.
 *
 * <p>Inside a service, code is grouped by feature ({@code io.crossdesk.ticket.lifecycle}), and a
 * feature by what its classes do: {@code domain} (business rules), {@code application} (what the
 * service does with them: use cases, event builders, timers), {@code web} (HTTP), {@code
 * persistence} (MongoDB) and {@code messaging} (Kafka listeners). Only the application class and
 * module-wide configuration sit in the service's own package.
 */
public final class ArchitectureRules {

  /** The platform's business time, plain Java that domain code may use. */
  public static final String BUSINESS_TIME = "io.crossdesk.platform.time..";

  /** Business rules know no framework, broker, database or adapter; business time they may. */
  public static final ArchRule DOMAIN_IS_PLAIN_JAVA =
      noClasses()
          .that()
          .resideInAPackage("..domain..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      "org.springframework..",
                      "org.apache.kafka..",
                      "com.mongodb..",
                      "org.bson..",
                      "io.crossdesk.platform..",
                      "..application..",
                      "..web..",
                      "..persistence..",
                      "..messaging..")
                  .and(not(resideInAPackage(BUSINESS_TIME))))
          .because("domain code is plain Java; adapters depend on it, never the reverse");

  private static final String FEATURE = "io.crossdesk.*.*..";

  /** Every class of a feature sits in one of the five packages a feature may have. */
  public static final ArchRule FEATURES_KEEP_THE_PACKAGE_GRAMMAR =
      classes()
          .that()
          .resideInAPackage(FEATURE)
          .should()
          .resideInAnyPackage(
              "io.crossdesk.*.*.domain..",
              "io.crossdesk.*.*.application..",
              "io.crossdesk.*.*.web..",
              "io.crossdesk.*.*.persistence..",
              "io.crossdesk.*.*.messaging..")
          .because(
              "a feature is {domain, application, web, persistence, messaging}, so a class is"
                  + " found by what it does");

  /** The features of a service depend on each other one way only. */
  public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES =
      slices()
          .matching("io.crossdesk.*.(*)..")
          .namingSlices("feature $1")
          .should()
          .beFreeOfCycles()
          .because("a feature that needs another one is built on it, not tangled with it");

  /**
   * The packages of features depend on each other one way only: inside a feature (web, messaging
   * and application above persistence, everything above domain) and across features.
   */
  public static final ArchRule FEATURE_PACKAGES_ARE_FREE_OF_CYCLES =
      slices()
          .matching("io.crossdesk.*.(*).(*)..")
          .namingSlices("$1.$2")
          .should()
          .beFreeOfCycles()
          .because("each package of a feature builds on the ones below it");

  /** Storage knows the domain, never the adapters beside it or the code that uses it. */
  public static final ArchRule PERSISTENCE_KNOWS_NO_WEB_OR_APPLICATION =
      noClasses()
          .that()
          .resideInAPackage("io.crossdesk.*.*.persistence..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.crossdesk.*.*.application..",
              "io.crossdesk.*.*.web..",
              "io.crossdesk.*.*.messaging..")
          .because("what is stored and how must not change when a use case or an endpoint does");

  /** What domain code may use from the platform stays plain Java itself. */
  public static final ArchRule BUSINESS_TIME_IS_PLAIN_JAVA =
      classes()
          .that()
          .resideInAPackage(BUSINESS_TIME)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", BUSINESS_TIME)
          .because("services' domain code computes deadlines with it");

  private ArchitectureRules() {}
}
