package org.smallbms.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the dependencies pointing one way: app → sim → core, and the core pure. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.smallbms");
    }

    @Test
    @DisplayName("the three modules are all imported (the rules below would pass vacuously otherwise)")
    void allModulesImported() {
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.smallbms.core.protection")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("org.smallbms.app.cli")).isTrue();
    }

    @Test
    @DisplayName("the core depends on the JDK and itself only")
    void coreDependsOnJdkOnly() {
        classes().that().resideInAPackage("org.smallbms.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.smallbms.core..", "java..")
                .check(classes);
    }

    @Test
    @DisplayName("the core reads no clock, starts no thread, does no I/O and does not log")
    void coreIsPure() {
        noClasses().that().resideInAPackage("org.smallbms.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                        "java.util.logging..", "java.util.concurrent..", "java.sql..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .check(classes);
    }

    @Test
    @DisplayName("the driver port is in the core: the loop body and what it drives need no simulation, so a hardware "
            + "driver can implement the plant; the simulation's world is one such plant")
    void driverPort_inTheCore() {
        classes().that().haveSimpleName("ClosedLoop").or().haveSimpleName("Plant")
                .should().resideInAPackage("org.smallbms.core.driver")
                .check(classes);
        classes().that().haveFullyQualifiedName("org.smallbms.sim.system.World")
                .should().beAssignableTo(org.smallbms.core.driver.Plant.class)
                .check(classes);
    }

    @Test
    @DisplayName("the simulation does not depend on the app")
    void simDoesNotDependOnApp() {
        noClasses().that().resideInAPackage("org.smallbms.sim..")
                .should().dependOnClassesThat().resideInAPackage("org.smallbms.app..")
                .check(classes);
    }

    @Test
    @DisplayName("the core depends on neither the simulation nor the app")
    void coreDoesNotDependOnSimOrApp() {
        noClasses().that().resideInAPackage("org.smallbms.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.smallbms.sim..", "org.smallbms.app..")
                .check(classes);
    }

    @Test
    @DisplayName("one composition root: no front end builds a device of its own (a control loop or a store writer)")
    void frontEndsTakeTheDeviceFromItsRoot() {
        noClasses().that().resideInAnyPackage("org.smallbms.app.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.smallbms.app.runtime.ControlLoop")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.smallbms.app.store.StoreWriter")
                .check(classes);
    }

    @Test
    @DisplayName("IR-01 Instant Readout is an adapter beside the others: it depends on neither the web app, the CLI, "
            + "the store nor the device root, and none of those builds its records")
    void readoutDependsOnNoOtherFrontEnd() {
        noClasses().that().resideInAPackage("org.smallbms.app.readout..")
                .should().dependOnClassesThat().resideInAnyPackage("org.smallbms.app.web..", "org.smallbms.app.cli..",
                        "org.smallbms.app.store..", "org.smallbms.app.device..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.smallbms.app.web..", "org.smallbms.app.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.smallbms.app.readout.BmsMapping")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.smallbms.app.readout.BmsEncoder")
                .check(classes);
    }

    @Test
    @DisplayName("MQTT is an adapter beside the others: it depends on neither the web app, the CLI, the store nor "
            + "Instant Readout, and none of those depends on it")
    void mqttDependsOnNoOtherFrontEnd() {
        noClasses().that().resideInAPackage("org.smallbms.app.mqtt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.smallbms.app.web..", "org.smallbms.app.cli..",
                        "org.smallbms.app.store..", "org.smallbms.app.readout..")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.smallbms.app.web..", "org.smallbms.app.readout..",
                        "org.smallbms.app.store..")
                .should().dependOnClassesThat().resideInAPackage("org.smallbms.app.mqtt..")
                .check(classes);
    }
}
