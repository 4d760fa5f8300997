package dev.stagecraft.engine.measure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The measure package's place in the layers (docs/architecture.md): plain values in, plain values out. */
@AnalyzeClasses(packages = "dev.stagecraft.engine.measure", importOptions = ImportOption.DoNotIncludeTests.class)
class MeasureDependenciesTest {

    @ArchTest
    static final ArchRule measuresWithoutDockerJavaNorUi = noClasses().that().resideInAPackage("dev.stagecraft.engine.measure..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..", "javafx..", "dev.stagecraft.ui..",
                    "dev.stagecraft.cli..", "dev.stagecraft.engine.docker..")
            .because("measurements read the engine's plain values and saved archives, so the CLI, the window and tests"
                    + " can use them without an engine adapter or a display");
}
