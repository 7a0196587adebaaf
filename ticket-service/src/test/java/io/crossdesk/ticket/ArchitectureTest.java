package io.crossdesk.ticket;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.crossdesk.testsupport.ArchitectureRules;

@AnalyzeClasses(
    packages = "io.crossdesk.ticket",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  @ArchTest static final ArchRule domain_is_plain_java = ArchitectureRules.DOMAIN_IS_PLAIN_JAVA;
}
