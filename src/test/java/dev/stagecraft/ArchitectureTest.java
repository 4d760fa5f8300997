package dev.stagecraft;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Guards the layer table of docs/architecture.md. Each rule says why it exists. */
@AnalyzeClasses(packages = "dev.stagecraft", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] CORE = {"dev.stagecraft.syntax..", "dev.stagecraft.instruction..", "dev.stagecraft.stage..",
        "dev.stagecraft.context..", "dev.stagecraft.edit..", "dev.stagecraft.explain..", "dev.stagecraft.io..",
        "dev.stagecraft.userdata.."};

    @ArchTest
    static final ArchRule coreUsesNoJavaFx = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the core is shared by the headless CLI, which must run without a display or JavaFX");

    @ArchTest
    static final ArchRule coreUsesNoDockerJava = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..")
            .because("the core knows nothing of the engine; only the engine adapter talks to Docker");

    @ArchTest
    static final ArchRule coreUsesNoFrontEnd = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.stagecraft.cli..", "dev.stagecraft.ui..",
                    "dev.stagecraft.engine..", "dev.stagecraft.history..", "dev.stagecraft.layout..", "picocli..")
            .because("dependencies point inward: front ends and services use the core, never the other way");

    @ArchTest
    static final ArchRule historyUsesNoJavaFxNorDockerJava = noClasses().that().resideInAPackage("dev.stagecraft.history..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.github.dockerjava..", "dev.stagecraft.ui..",
                    "dev.stagecraft.cli..", "dev.stagecraft.engine.docker..")
            .because("the history is read and written by the window and the headless CLI alike; it keeps reports, it runs no builds");

    @ArchTest
    static final ArchRule layoutUsesNoJavaFx = noClasses().that().resideInAPackage("dev.stagecraft.layout..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.stagecraft.ui..")
            .because("positions and the SVG drawing are computed headless, so a CLI export and plain unit tests can use them");

    @ArchTest
    static final ArchRule syntaxKnowsNoMeaning = noClasses().that().resideInAPackage("dev.stagecraft.syntax..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.stagecraft.instruction..", "dev.stagecraft.stage..")
            .because("as in BuildKit, the parser layer knows text, not what instructions mean");

    @ArchTest
    static final ArchRule instructionsKnowNoStages = noClasses().that().resideInAPackage("dev.stagecraft.instruction..")
            .should().dependOnClassesThat().resideInAPackage("dev.stagecraft.stage..")
            .because("instructions are typed one by one; stages and the graph are built on top of them");

    @ArchTest
    static final ArchRule cliUsesNoUi = noClasses().that().resideInAPackage("dev.stagecraft.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.stagecraft.ui..", "javafx..")
            .because("sub-commands run headless: JavaFX must never be initialised by them");

    @ArchTest
    static final ArchRule uiUsesNoDockerJava = noClasses().that().resideInAPackage("dev.stagecraft.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..")
            .because("the UI sees the engine through the BuildEngine interface and its events only").allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineFacadeUsesNoDockerJavaNorUi = noClasses().that().resideInAPackage("dev.stagecraft.engine")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..", "javafx..", "dev.stagecraft.ui..",
                    "dev.stagecraft.cli..")
            .because("the engine package is what the front ends see; only its adapter sub-package talks to Docker");

    @ArchTest
    static final ArchRule comparisonIsHeadless = noClasses().that().resideInAPackage("dev.stagecraft.compare..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.github.dockerjava..", "dev.stagecraft.ui..",
                    "dev.stagecraft.cli..", "dev.stagecraft.history..", "dev.stagecraft.engine.docker..", "picocli..")
            .because("a comparison works on two build reports, so the CLI, the window and the history can all show it"
                    + " without a display or an engine");
}
