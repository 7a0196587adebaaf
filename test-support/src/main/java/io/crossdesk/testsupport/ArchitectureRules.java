package io.crossdesk.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape every service keeps. Use in a service's test: {@code @AnalyzeClasses(packages =
 * "io.crossdesk.<service>", importOptions = ImportOption.DoNotIncludeTests.class)} with
 * {@code @ArchTest static final ArchRule domain = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;}.
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
                      "..web..",
                      "..persistence..",
                      "..messaging..")
                  .and(not(resideInAPackage(BUSINESS_TIME))))
          .because("domain code is plain Java; adapters depend on it, never the reverse");

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
