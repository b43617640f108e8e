package org.smallbms.app.vedirect;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** VE.Direct is an adapter beside the others: it takes the device's snapshots and queue, and calls no front end. */
class VeDirectArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.smallbms");

    @Test
    @DisplayName("VE.Direct depends on neither the web app, the CLI, Instant Readout nor MQTT, and none on it but run")
    void veDirectDependsOnNoOtherFrontEnd() {
        noClasses().that().resideInAPackage("org.smallbms.app.vedirect..")
                .should().dependOnClassesThat().resideInAnyPackage("org.smallbms.app.web..", "org.smallbms.app.cli..",
                        "org.smallbms.app.readout..", "org.smallbms.app.mqtt..", "org.smallbms.app.device..")
                .check(CLASSES);
        noClasses().that().resideInAnyPackage("org.smallbms.app.web..", "org.smallbms.app.readout..",
                "org.smallbms.app.mqtt..", "org.smallbms.app.device..")
                .should().dependOnClassesThat().resideInAPackage("org.smallbms.app.vedirect..")
                .check(CLASSES);
    }
}
