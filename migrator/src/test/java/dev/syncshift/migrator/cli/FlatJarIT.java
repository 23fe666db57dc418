package dev.syncshift.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar is flat: every library's classes and files in the one jar (the shade plugin in {@code pom.xml}).
 * Where libraries ship a file of the same name — Java's service lists, Spring's factories and auto-configuration
 * lists, licences — the jar must hold what each of them says, not only the first one's copy, or a feature is lost
 * without a word. Checked against the libraries themselves as they sit on this test's class path: for every library
 * the jar bundles (its classes are in the jar), every class is there (our modules' as this build made them: a jar
 * packaged again without {@code clean} once kept the old ones), and every other file is there with each of its lines
 * (for Spring's factories files, each value of each key).
 */
class FlatJarIT {

    private static final Path JAR = Path.of("target", "syncshift-migrator.jar");

    /** What the build leaves out on purpose: module descriptors, signatures, jar indexes, IDE and OSGi metadata. */
    private static final Predicate<String> LEFT_OUT = Pattern.compile("(META-INF/versions/\\d+/)?module-info\\.class"
            + "|META-INF/[^/]+\\.(SF|DSA|RSA)|META-INF/MANIFEST\\.MF|META-INF/INDEX\\.LIST"
            + "|META-INF/versions/\\d+/OSGI-INF/MANIFEST\\.MF|META-INF/spring\\.tooling"
            + "|META-INF/(additional-)?spring-configuration-metadata\\.json").asMatchPredicate();

    /** Notices, whatever their name, are merged into one (the shade plugin's ApacheNoticeResourceTransformer). */
    private static final Predicate<String> NOTICE = Pattern.compile("(?i)META-INF/NOTICE(\\.txt|\\.md)?")
            .asMatchPredicate();

    /** Licences, whatever the case of their names, are appended into one of each name. */
    private static final Predicate<String> LICENCE = Pattern.compile("(?i)META-INF/LICENSE(\\.txt|\\.md)?")
            .asMatchPredicate();

    /** Files merged key by key, values joined with commas (Spring Boot's PropertiesMergingResourceTransformer). */
    private static final Set<String> MERGED_BY_KEY = Set.of("META-INF/spring.factories",
            "META-INF/spring/aot.factories");

    @Test
    void holdsEveryFileOfEveryLibraryItBundles() throws IOException {
        List<String> lost = new ArrayList<>();
        int bundled = 0;
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (Path library : classPathJars()) {
                try (ZipFile lib = new ZipFile(library.toFile())) {
                    if (bundles(jar, lib)) {
                        bundled++;
                        lib.stream().filter(e -> !e.isDirectory() && !LEFT_OUT.test(e.getName()))
                                .forEach(e -> check(jar, lib, e, lost));
                    }
                }
            }
        }

        assertThat(bundled).as("libraries found in the jar").isGreaterThan(100);
        assertThat(lost).as("files of bundled libraries missing from the jar, or missing part of their content")
                .isEmpty();
    }

    private static List<Path> classPathJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of)
                .filter(path -> path.toString().endsWith(".jar") && Files.isRegularFile(path)).toList();
    }

    /** Whether the jar holds the library: its first class (a library without classes has nothing to lose). */
    private static boolean bundles(ZipFile jar, ZipFile lib) {
        return lib.stream().map(ZipEntry::getName)
                .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/")).findFirst()
                .map(name -> jar.getEntry(name) != null).orElse(false);
    }

    private static void check(ZipFile jar, ZipFile lib, ZipEntry entry, List<String> lost) {
        String name = entry.getName();
        String where = name + " of " + Path.of(lib.getName()).getFileName();
        ZipEntry ours = jar.getEntry(NOTICE.test(name) ? "META-INF/NOTICE" : name);
        if (ours == null && LICENCE.test(name)) {
            // the shade plugin's AppendingTransformer matches names whatever their case (license.txt, LICENSE.txt)
            ours = jar.stream().filter(held -> held.getName().equalsIgnoreCase(name)).findFirst().orElse(null);
        }
        if (ours == null) {
            lost.add(where + ": missing");
            return;
        }
        if (name.endsWith(".class")) {
            if (name.startsWith("dev/syncshift/") && !Arrays.equals(read(lib, entry), read(jar, ours))) {
                lost.add(where + ": the jar holds another build of it");
            }
            return;
        }
        byte[] theirs = read(lib, entry);
        byte[] held = read(jar, ours);
        if (Arrays.equals(theirs, held)) {
            return;
        }
        String text = new String(theirs, StandardCharsets.UTF_8);
        String heldText = new String(held, StandardCharsets.UTF_8);
        boolean kept = MERGED_BY_KEY.contains(name) ? keepsEveryValue(text, heldText) : keepsEveryLine(text, heldText);
        if (!kept) {
            lost.add(where + ": the jar's copy lacks part of it");
        }
    }

    private static boolean keepsEveryLine(String theirs, String held) {
        return new HashSet<>(held.lines().map(String::strip).toList())
                .containsAll(theirs.lines().map(String::strip).toList());
    }

    private static boolean keepsEveryValue(String theirs, String held) {
        Properties library = properties(theirs);
        Properties jar = properties(held);
        return library.stringPropertyNames().stream().allMatch(key -> jar.containsKey(key)
                && values(jar.getProperty(key)).containsAll(values(library.getProperty(key))));
    }

    private static Set<String> values(String list) {
        return new HashSet<>(Arrays.stream(list.split(",")).map(String::strip).toList());
    }

    private static Properties properties(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
