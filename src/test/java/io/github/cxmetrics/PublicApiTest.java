package io.github.cxmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the public API: the public types of the exported packages (top-level types and the public
 * types nested in them, such as {@code Target.Kind}) must be exactly the ones listed in
 * {@code src/test/resources/api/public-types.txt}. So a new public type, or one that stops being
 * public, is a decision someone made on purpose, not a side effect: the test fails until the list
 * is updated.
 *
 * <p>The rule for what is public is in {@code docs/architecture.md}, "Public surface". The classes
 * are read from the module's compiled classes, as in {@link ArchitectureTest}.
 */
class PublicApiTest {

    /** The checked-in list, as a path from the project root (for the message) and as a resource. */
    private static final String LIST = "src/test/resources/api/public-types.txt";
    private static final String RESOURCE = "/api/public-types.txt";

    @Test
    void publicTypesOfExportedPackagesAreTheListedOnes() throws IOException {
        Set<String> actual = publicTypesOfExportedPackages();
        Set<String> listed = listed();

        Set<String> added = new TreeSet<>(actual);
        added.removeAll(listed);
        Set<String> removed = new TreeSet<>(listed);
        removed.removeAll(actual);

        assertThat(added.isEmpty() && removed.isEmpty())
                .as(() -> message(added, removed, actual))
                .isTrue();
    }

    @Test
    void theListIsSortedWithoutDuplicates() throws IOException {
        List<String> lines = names();
        assertThat(lines).as("the names in " + LIST).isSorted().doesNotHaveDuplicates();
    }

    /**
     * The public types of the exported packages, by canonical name: public top-level types, and
     * public member types whose enclosing types are all public.
     */
    static Set<String> publicTypesOfExportedPackages() {
        Set<String> exported = ArchitectureTest.moduleDescriptor().exports().stream()
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        Set<String> out = new TreeSet<>();
        for (JavaClass type : ArchitectureTest.MAIN) {
            if (exported.contains(type.getPackageName()) && !type.getSimpleName().equals("package-info")
                    && isVisibleOutsideThePackage(type)) {
                out.add(type.getFullName().replace('$', '.'));
            }
        }
        return out;
    }

    private static boolean isVisibleOutsideThePackage(JavaClass type) {
        if (type.isAnonymousClass() || type.isLocalClass()
                || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
            return false;
        }
        Optional<JavaClass> enclosing = type.getEnclosingClass();
        return enclosing.isEmpty() || isVisibleOutsideThePackage(enclosing.get());
    }

    /** The names in the list: one fully qualified name a line; blank lines and {@code #} comments skipped. */
    private static List<String> names() throws IOException {
        InputStream in = PublicApiTest.class.getResourceAsStream(RESOURCE);
        assertThat(in).as(LIST + " on the test class path").isNotNull();
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static Set<String> listed() throws IOException {
        return new TreeSet<>(names());
    }

    private static String message(Set<String> added, Set<String> removed, Set<String> actual) {
        StringBuilder m = new StringBuilder("The public API is not the one listed in ").append(LIST).append(".\n");
        if (!added.isEmpty()) {
            m.append("Public now, but not in the list (").append(added.size()).append("):\n");
            added.forEach(n -> m.append("  + ").append(n).append('\n'));
        }
        if (!removed.isEmpty()) {
            m.append("In the list, but no longer public (").append(removed.size()).append("):\n");
            removed.forEach(n -> m.append("  - ").append(n).append('\n'));
        }
        m.append("""
                A public type is a promise to users. Decide deliberately:
                  - not meant for users? Make it package-private, or move it to io.github.cxmetrics.internal
                    (not exported) when other packages need it;
                  - meant for users? Add it to the list, with javadoc and @since;
                  - removed or renamed a public type? Take it out of the list and add a row to
                    docs/migration.md (old name -> what to use instead).
                The rule is in docs/architecture.md, "Public surface". The public types now are:
                """);
        actual.forEach(n -> m.append(n).append('\n'));
        return m.toString();
    }
}
