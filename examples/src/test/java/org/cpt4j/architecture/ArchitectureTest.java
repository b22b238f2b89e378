package org.cpt4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The rules STYLE.md states, over the main code of every module: nothing outside the engine's internals imports
 * them (the CLI, the DSL, the plugins and test-fixtures use the public API and the facade); every package is {@code @NullMarked}; no package cycles; public SPI
 * types of sdk live outside {@code internal} and are interfaces, records, enums or final classes.
 */
class ArchitectureTest {

    private static final JavaClasses CPT4J = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.cpt4j");

    private static final JavaClasses WITH_JARS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cpt4j");

    @Test
    void nothingOutsideTheEngineImportsItsInternals() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.cpt4j.internal..")
                .should().dependOnClassesThat().resideInAPackage("org.cpt4j.internal..")
                .because("the public API, the CLI, the DSL, the plugins and test-fixtures go through the engine's one "
                        + "face, org.cpt4j.engine.Cpt4jEngine (STYLE.md 13)");
        rule.check(WITH_JARS);
    }

    @Test
    void everyPackageIsNullMarked() {
        ArchRule rule = classes().that().haveSimpleName("package-info")
                .should().beAnnotatedWith(NullMarked.class)
                .because("JSpecify nullness is declared per package (STYLE.md)");
        rule.check(WITH_JARS);
        WITH_JARS.stream().map(c -> c.getPackage()).distinct().forEach(pkg -> {
            if (!pkg.isAnnotatedWith(NullMarked.class)) {
                throw new AssertionError("package " + pkg.getName() + " has no @NullMarked package-info");
            }
        });
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.cpt4j.(**)").should().beFreeOfCycles().check(WITH_JARS);
    }

    @Test
    void publicSdkTypesAreInterfacesRecordsEnumsOrFinalClasses() {
        ArchRule rule = classes().that().resideInAPackage("org.cpt4j..").and().arePublic()
                .and().areNotInterfaces().and().areNotEnums().and().areNotRecords()
                .and().areTopLevelClasses()
                .and(new com.tngtech.archunit.base.DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass>(
                        "are not sealed") {
                    @Override
                    public boolean test(com.tngtech.archunit.core.domain.JavaClass type) {
                        return !type.reflect().isSealed();
                    }
                })
                .should().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
                .orShould().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)
                .because("Guice regrets a non-final API class; contract tests are the abstract exception, and a "
                        + "sealed class names its only subclasses");
        rule.check(WITH_JARS);
    }
}
