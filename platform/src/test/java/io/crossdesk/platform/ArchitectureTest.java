package io.crossdesk.platform;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.crossdesk.testsupport.ArchitectureRules;

@AnalyzeClasses(
    packages = "io.crossdesk.platform",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule business_time_is_plain_java = ArchitectureRules.BUSINESS_TIME_IS_PLAIN_JAVA;
}
