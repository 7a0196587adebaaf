package io.crossdesk.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.crossdesk.testsupport.ArchitectureRules;

@AnalyzeClasses(
    packages = "io.crossdesk.notification",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchRule domain = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;
}
