package com.expresschat.statussync.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages follow the data (issue 11): the model at the bottom, then the stages an input goes through, each
 * depending only on those below it (the Kafka transport above the outcome stage); pause control, storage and
 * credentials (the token, secrets at rest, what is scrubbed) are packages of their own; only the configuration
 * package wires beans into Camel's registry.
 */
class ArchitectureTest {

    private static final String ROOT = "com.expresschat.statussync";

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void theStagesDependOnlyOnWhatIsBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Model").definedBy(ROOT + ".model..")
                .layer("Storage").definedBy(ROOT + ".storage..")
                .layer("Credentials").definedBy(ROOT + ".credentials..")
                .layer("Intake").definedBy(ROOT + ".intake..")
                .layer("Validation").definedBy(ROOT + ".validation..")
                .layer("Pause").definedBy(ROOT + ".pause..")
                .layer("Delivery").definedBy(ROOT + ".delivery..")
                .layer("Failure").definedBy(ROOT + ".failure..")
                .layer("Outcome").definedBy(ROOT + ".outcome..")
                .layer("Transport").definedBy(ROOT + ".transport..")
                .layer("Operations").definedBy(ROOT + ".operations..")
                .layer("Simulator").definedBy(ROOT + ".simulator..")
                .layer("Configuration").definedBy(ROOT + ".configuration..", ROOT)
                .whereLayer("Model").mayNotAccessAnyLayer()
                .whereLayer("Storage").mayNotAccessAnyLayer()
                .whereLayer("Credentials").mayOnlyAccessLayers("Model")
                .whereLayer("Intake").mayOnlyAccessLayers("Model", "Storage", "Credentials")
                .whereLayer("Validation").mayOnlyAccessLayers("Model", "Intake")
                .whereLayer("Pause").mayOnlyAccessLayers("Model", "Intake", "Credentials")
                .whereLayer("Delivery").mayOnlyAccessLayers("Model", "Validation", "Pause", "Credentials")
                .whereLayer("Failure").mayOnlyAccessLayers("Model", "Pause", "Delivery", "Credentials")
                // the outcome stage knows batches only by their outcomes, never which intake an input came from
                .whereLayer("Outcome").mayOnlyAccessLayers("Model", "Storage")
                // Kafka between intake and delivery: its messages are the model's, its collector is the outcome stage's
                .whereLayer("Transport").mayOnlyAccessLayers("Model", "Storage", "Outcome")
                .whereLayer("Operations").mayOnlyAccessLayers("Model", "Storage", "Credentials", "Pause", "Failure")
                .whereLayer("Simulator").mayOnlyAccessLayers("Model", "Credentials", "Delivery")
                .whereLayer("Configuration").mayNotBeAccessedByAnyLayer()
                .check(PRODUCT);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(PRODUCT);
    }

    @Test
    void theModelImportsNoStageAndNoCamel() {
        classes().that().resideInAPackage(ROOT + ".model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        ROOT + ".model..", "java..", "com.fasterxml.jackson.annotation..", "org.slf4j..")
                .check(PRODUCT);
    }

    @Test
    void onlyTheConfigurationTouchesTheRegistry() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".configuration..")
                .should().callMethod(CamelContext.class, "getRegistry")
                .orShould().dependOnClassesThat().areAssignableTo(Registry.class)
                .check(PRODUCT);
    }
}
