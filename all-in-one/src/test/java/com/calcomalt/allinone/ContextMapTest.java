package com.calcomalt.allinone;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The context map, and the layering inside each side, as rules over the main code of every module.
 * A context is its package on the command side, on the query side and in contracts together.
 */
@AnalyzeClasses(packages = "com.calcomalt", importOptions = ImportOption.DoNotIncludeTests.class)
class ContextMapTest {

    private static final DescribedPredicate<JavaClass> JDBC =
            resideInAnyPackage("org.springframework.jdbc..", "java.sql..", "javax.sql..").as("are JDBC");

    private static final DescribedPredicate<JavaClass> USES_JDBC = describe("use JDBC",
            c -> c.getDirectDependenciesFromSelf().stream().anyMatch(d -> JDBC.test(d.getTargetClass())));

    /**
     * Automation, Notifications and Payments react to Scheduling, which is called by no one it calls:
     * it asks Calendar Integration for busy times, FeatureFlags for kill switches and Billing for
     * seats, Billing asks FeatureFlags whether seat limits hold, and all of them read Identity &
     * Access (infra-db.md's context map). Automation, Notifications and Payments do not know each
     * other. Nothing points back.
     */
    @ArchTest
    static final ArchRule contexts_depend_only_downwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Automation").definedBy(context("automation"))
            .layer("Notifications").definedBy(context("notifications"))
            .layer("Payments").definedBy(context("payments"))
            .layer("Scheduling").definedBy(context("scheduling"))
            .layer("Calendar").definedBy(context("calendar"))
            .layer("Billing").definedBy(context("billing"))
            .layer("Features").definedBy(context("features"))
            .layer("Identity").definedBy(context("identity"))
            .whereLayer("Automation").mayNotBeAccessedByAnyLayer()
            .whereLayer("Notifications").mayNotBeAccessedByAnyLayer()
            .whereLayer("Payments").mayNotBeAccessedByAnyLayer()
            .whereLayer("Scheduling").mayOnlyBeAccessedByLayers("Automation", "Notifications", "Payments")
            .whereLayer("Calendar").mayOnlyBeAccessedByLayers("Scheduling", "Automation", "Notifications")
            .whereLayer("Billing").mayOnlyBeAccessedByLayers("Scheduling", "Automation", "Notifications", "Payments")
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Billing", "Scheduling", "Automation", "Notifications",
                    "Payments")
            .whereLayer("Identity").mayOnlyBeAccessedByLayers("Calendar", "Features", "Billing", "Scheduling",
                    "Automation", "Notifications", "Payments");

    @ArchTest
    static final ArchRule controllers_touch_neither_repositories_nor_jdbc = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat(JDBC.or(assignableTo(Repository.class).as("are Spring Data repositories")));

    /** Nor through a lookup that does: an aggregate decides with what it is given. */
    @ArchTest
    static final ArchRule aggregates_touch_no_jdbc = noClasses().that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat(JDBC.or(USES_JDBC));

    private static String[] context(String name) {
        return new String[] {"com.calcomalt.command." + name + "..", "com.calcomalt.query." + name + "..",
                "com.calcomalt.contracts." + name + ".."};
    }
}
