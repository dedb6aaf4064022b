package io.github.cxmetrics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.github.cxmetrics.tally.Tally;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layers of {@code docs/architecture.md} (DESIGN.md, "Architecture"), checked on the
 * compiled classes with ArchUnit: a package imports only packages of lower levels (and, within a
 * level, only what {@link #SAME_LEVEL_IMPORTS} allows), every package has a level, no two packages
 * depend on each other in a cycle, and module-info exports none of the internal packages.
 *
 * <p>The rules read the byte code, so an import used only by a javadoc {@code {@link}} is not a
 * dependency; everything the compiled class refers to (fields, signatures, calls, annotations,
 * thrown types) is.
 */
class ArchitectureTest {

    private static final String ROOT = "io.github.cxmetrics";

    /**
     * The levels, lowest first (internal, then L0 … L7: internal holds what every level shares, so
     * it sits below them all), with package names relative to {@code io.github.cxmetrics}.
     * A package may import every package of a lower level, none of a higher level, and none of its
     * own level unless {@link #SAME_LEVEL_IMPORTS} says so. A listed package that does not exist
     * (yet) is allowed.
     */
    private static final List<List<String>> LEVELS = List.of(
            List.of("internal"),                                                   // below L0: shared checks
            List.of("scale", "stats", "calendar"),                                 // L0
            List.of("tally"),                                                      // L1
            List.of("score"),                                                      // L2
            List.of("io", "design"),                                               // L3
            List.of("trend", "ops", "survey"),                                     // L4
            List.of("segment", "target", "insight"),                               // L5
            List.of("report.grouping", "report.scan", "report.archive", "report", "report.format"), // L6
            List.of("cli"));                                                       // L7

    /**
     * The imports between packages of one level that the design allows, importer to imported. The
     * report assembles what the scan fills and the archive stores; the archive stores the scan's
     * tallies; the formats render the report; all of them read the grouping options. The scan and
     * the archive never import the report.
     */
    private static final Map<String, List<String>> SAME_LEVEL_IMPORTS = Map.of(
            "report.scan", List.of("report.grouping"),
            "report.archive", List.of("report.grouping", "report.scan"),
            "report", List.of("report.grouping", "report.scan", "report.archive"),
            "report.format", List.of("report.grouping", "report"));

    /** Packages that module-info neither exports nor opens. */
    private static final List<String> UNEXPORTED = List.of("internal", "report.scan", "report.archive");

    private static final Path MAIN_CLASSES = mainClasses();
    /** The module's compiled classes, read once; {@link PublicApiTest} reads them too. */
    static final JavaClasses MAIN = new ClassFileImporter().importPath(MAIN_CLASSES);

    @Test
    void lowerLayersNeverImportHigherOnesNorTheirOwnLevel() {
        layers().check(MAIN);
    }

    @Test
    void everyPackageHasALevel() {
        classes().should().resideInAnyPackage(LEVELS.stream().flatMap(List::stream)
                        .map(ArchitectureTest::qualified).toArray(String[]::new))
                .because("every package has its place in the layer order of docs/architecture.md")
                .check(MAIN);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void internalPackagesAreNotExported() {
        ModuleDescriptor module = moduleDescriptor();
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        Set<String> opened = module.opens().stream().map(ModuleDescriptor.Opens::source)
                .collect(Collectors.toSet());
        List<String> internal = UNEXPORTED.stream().map(ArchitectureTest::qualified).toList();

        assertThat(module.name()).isEqualTo(ROOT);
        assertThat(module.isOpen()).as("an open module opens every package").isFalse();
        assertThat(exported).as("exported packages").doesNotContainAnyElementsOf(internal);
        assertThat(opened).as("opened packages").doesNotContainAnyElementsOf(internal);
    }

    /**
     * Prints the public top-level types per exported package (the public surface that issue 13
     * wants smaller), and checks that each exported package has at least one: an export with no
     * public type only adds a name to the module.
     */
    @Test
    void publicTopLevelTypesPerExportedPackage() {
        Map<String, List<JavaClass>> topLevel = new TreeMap<>();
        for (JavaClass type : MAIN) {
            if (type.isTopLevelClass() && !type.getSimpleName().equals("package-info")) {
                topLevel.computeIfAbsent(type.getPackageName(), p -> new ArrayList<>()).add(type);
            }
        }
        List<String> exported = moduleDescriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                .sorted().toList();

        StringBuilder table = new StringBuilder("Public top-level types per exported package:\n");
        List<String> withoutPublicTypes = new ArrayList<>();
        int publicTypes = 0;
        int types = 0;
        for (String pkg : exported) {
            List<JavaClass> inPackage = topLevel.getOrDefault(pkg, List.of());
            long isPublic = inPackage.stream().filter(t -> t.getModifiers().contains(JavaModifier.PUBLIC)).count();
            table.append(String.format("  %-32s %3d of %3d%n", pkg, isPublic, inPackage.size()));
            publicTypes += (int) isPublic;
            types += inPackage.size();
            if (isPublic == 0) {
                withoutPublicTypes.add(pkg);
            }
        }
        table.append(String.format("  %-32s %3d of %3d (all packages: %d top-level types)%n", "exported, total",
                publicTypes, types, topLevel.values().stream().mapToInt(List::size).sum()));
        System.out.print(table);

        assertThat(withoutPublicTypes).as("exported packages without a public type").isEmpty();
    }

    /** The layer rule: each package a layer, allowed to import the lower levels and its exceptions. */
    static LayeredArchitecture layers() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (List<String> level : LEVELS) {
            for (String pkg : level) {
                layers = layers.layer(pkg).definedBy(qualified(pkg));
            }
        }
        for (int i = 0; i < LEVELS.size(); i++) {
            List<String> below = LEVELS.subList(0, i).stream().flatMap(List::stream).toList();
            for (String pkg : LEVELS.get(i)) {
                String[] allowed = Stream.concat(below.stream(), SAME_LEVEL_IMPORTS.getOrDefault(pkg, List.of()).stream())
                        .toArray(String[]::new);
                layers = allowed.length == 0
                        ? layers.whereLayer(pkg).mayNotAccessAnyLayer()
                        : layers.whereLayer(pkg).mayOnlyAccessLayers(allowed);
            }
        }
        return layers;
    }

    private static String qualified(String pkg) {
        return ROOT + "." + pkg;
    }

    /** The module's compiled classes: target/classes in the build (module path) and under PIT (class path). */
    private static Path mainClasses() {
        try {
            return Path.of(Tally.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ModuleDescriptor moduleDescriptor() {
        try (InputStream in = Files.newInputStream(MAIN_CLASSES.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
