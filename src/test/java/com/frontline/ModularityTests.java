package com.frontline;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ModularityTests {

    /** The jOOQ classes generated from the schema are not a module; their use is governed by the rule below. */
    static final ApplicationModules MODULES = ApplicationModules.of(FrontlineApplication.class,
            resideInAPackage("com.frontline.db.."));

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.frontline");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    /** Each module owns one PostgreSQL schema and never reads or writes another module's tables. */
    @Test
    void modulesOnlyTouchTheirOwnSchema() {
        for (String schema : List.of("identity", "tenants", "audit", "knowledge", "accounts", "llm", "chat", "search",
                "evaluation", "corrections", "assistants", "alerts", "rollouts",
                "insights", "privacy")) {
            ArchRule rule = noClasses()
                    .that().resideInAPackage("com.frontline..")
                    .and().resideOutsideOfPackages("com.frontline." + schema + "..", "com.frontline.db..")
                    .should().dependOnClassesThat().resideInAPackage("com.frontline.db." + schema + "..")
                    .because("the " + schema + " schema belongs to the " + schema + " module");
            rule.check(CLASSES);
        }
    }
}
