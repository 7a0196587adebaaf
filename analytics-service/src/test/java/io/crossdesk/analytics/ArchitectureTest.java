package io.crossdesk.analytics;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.crossdesk.testsupport.ArchitectureRules;

@AnalyzeClasses(
    packages = "io.crossdesk.analytics",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchRule domain_is_plain_java = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;

  @ArchTest
  static final ArchRule features_keep_the_package_grammar =
      ArchitectureRules.FEATURES_KEEP_THE_PACKAGE_GRAMMAR;

  @ArchTest
  static final ArchRule features_are_free_of_cycles = ArchitectureRules.FEATURES_ARE_FREE_OF_CYCLES;

  @ArchTest
  static final ArchRule feature_packages_are_free_of_cycles =
      ArchitectureRules.FEATURE_PACKAGES_ARE_FREE_OF_CYCLES;

  @ArchTest
  static final ArchRule persistence_knows_no_web_or_application =
      ArchitectureRules.PERSISTENCE_KNOWS_NO_WEB_OR_APPLICATION;
}
