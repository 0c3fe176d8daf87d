// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture, as the allowed dependencies between the packages of {@code dev.taw}, checked on the
 * compiled classes' constant pools (where every class a class refers to is named as text). A package may use
 * only what its line below names; an entry {@code pkg.Class} allows that one class of a package and nothing
 * else of it. The map must have no cycle, and the code no dependency outside it. The graph the code really
 * has is printed on every run.
 */
class ArchitectureTest {
    private static final Path CLASSES = Path.of("target", "classes", "dev", "taw");

    /** From the bottom up: each package, and what it may use. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        allow("job");                                                  // cancel, progress, the core's threads
        allow("net");                                                  // classes of IP addresses
        allow("table", "job");                                         // typed columns, numeric matrices, column roles
        allow("io", "table");                                          // import results, issues, cell and time parsing, formats
        allow("io.read", "io", "table", "job");                        // line readers, read-ahead, opening files
        allow("io.csv", "io", "io.read", "table", "job");              // CloudWatch CSV export
        allow("io.flow", "io", "io.read", "table", "job", "net");      // VPC Flow Logs
        allow("io.web", "io", "io.read", "table", "job", "net");       // ALB, WAF, CloudFront
        allow("io.detect", "io", "io.read", "io.csv", "io.flow", "io.web", "table", "job"); // any file or folder
        allow("geo", "table", "net");                                  // offline countries
        allow("features", "table", "job", "model.ContextWindow");     // rows and hosts as numbers; a host within its window
        allow("model", "table", "job");                                // the forest
        allow("analysis", "io", "features", "model", "table", "job");  // a finished run: findings, explanations
        allow("export", "table", "job");                               // scored CSV, cell neutralising, atomic write
        allow("hostlist", "analysis", "features", "job");                // a hosts list read back (a job's output)
        allow("report", "analysis", "io", "features", "model", "table", "job", "export", "hostlist"); // the PDF
        allow("baseline", "analysis", "io", "features", "model", "table", "job", "export"); // saved models, scoring against them
        allow("pipeline", "io", "io.detect", "io.flow", "geo", "features", "model", "analysis", "baseline", "export", "report", "hostlist", "table", "job"); // the seam
        // watching a folder is a long-running shell over pipeline: alerts, and the state it keeps between runs
        allow("watch", "pipeline", "analysis", "features", "model", "io", "table", "job", "baseline.Baseline", "export.AtomicWrite");
        // the shells reach every piece of work through pipeline; report.Paper is a setting they pass on
        allow("cli", "watch", "pipeline", "analysis", "features", "model", "io", "table", "job", "report.Paper", "baseline.Baseline", "hostlist.HostList");
        allow("ui", "pipeline", "analysis", "features", "model", "io", "table", "job", "report.Paper", "baseline.Baseline", "hostlist.HostList", "(root).Version");
        // the Spark job: a third shell over pipeline's seam for logs in parts (LogParts); Spark only moves and writes rows
        allow("spark", "pipeline", "io", "table", "job", "baseline.Baseline", "geo.GeoIp", "model.ForestSettings", "model.ContextWindow");
        allow("(root)", "cli");                                        // Launcher; the window is loaded by name
    }

    private static void allow(String pkg, String... uses) {
        ALLOWED.put(pkg, Set.of(uses));
    }

    @Test
    void everyDependencyIsInTheMapAndTheGraphIsPrinted() throws IOException {
        Map<String, Set<String>> graph = graph();
        StringBuilder printed = new StringBuilder("package graph (what each package uses):\n");
        graph.forEach((p, uses) -> printed.append(String.format("  %-10s -> %s%n", p, String.join(" ", uses))));
        System.out.print(printed);
        List<String> offenders = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : classDependencies().entrySet()) {
            String from = e.getKey().substring(0, e.getKey().indexOf(' '));
            Set<String> allowed = ALLOWED.get(from);
            if (allowed == null) {
                offenders.add(e.getKey() + ": package " + from + " is not in the map");
                continue;
            }
            for (String to : e.getValue()) {
                String pkg = to.substring(0, to.lastIndexOf('.'));
                String cls = to.substring(to.lastIndexOf('.') + 1).replaceAll("\\$.*", "");
                if (!allowed.contains(pkg) && !allowed.contains(pkg + "." + cls)) offenders.add(e.getKey() + " uses " + to);
            }
        }
        assertEquals(List.of(), offenders, printed.toString());
    }

    @Test
    void theMapHasNoCycle() {
        assertEquals(List.of(), cycles(ALLOWED.entrySet().stream().collect(TreeMap::new, (m, e) -> m.put(e.getKey(),
                new TreeSet<>(e.getValue().stream().map(u -> ALLOWED.containsKey(u) ? u : u.substring(0, u.lastIndexOf('.'))).toList())), Map::putAll)));
    }

    @Test
    void theCodeHasNoPackageCycle() throws IOException {
        assertEquals(List.of(), cycles(graph()));
    }

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> g = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of("a -> b -> c -> a"), cycles(g));
    }

    @Test
    void onlyTheUiPackageUsesJavaFx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path c : classes()) {
            String pool = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            if (!unit(c).equals("ui") && (pool.contains("javafx/") || pool.contains("org/controlsfx/"))) offenders.add(c + " uses JavaFX");
        }
        assertEquals(List.of(), offenders);
    }

    /** The desktop and the command line never start Spark: only the job's package touches Spark, Hadoop or Scala. */
    @Test
    void onlyTheSparkPackageUsesSpark() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path c : classes()) {
            String pool = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            if (!unit(c).equals("spark") && (pool.contains("org/apache/spark/") || pool.contains("org/apache/hadoop/") || pool.contains("scala/"))) {
                offenders.add(c + " uses Spark");
            }
        }
        assertEquals(List.of(), offenders);
        assertTrue(classes().stream().anyMatch(c -> unit(c).equals("spark")), "the job's classes are checked too");
    }

    @Test
    void theCheckSeesTheCore() throws IOException {
        assertTrue(classes().size() > 20, "compiled classes found under " + CLASSES.toAbsolutePath());
        assertTrue(graph().keySet().containsAll(List.of("io.csv", "io.flow", "pipeline", "ui")), graph().keySet().toString());
    }

    /** Every cycle's first path, as "a -> b -> a"; empty when the graph has none. */
    static List<String> cycles(Map<String, Set<String>> g) {
        List<String> found = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : new TreeSet<>(g.keySet())) visit(start, g, new ArrayList<>(), done, found);
        return found;
    }

    private static void visit(String node, Map<String, Set<String>> g, List<String> path, Set<String> done, List<String> found) {
        int at = path.indexOf(node);
        if (at >= 0) {
            List<String> loop = new ArrayList<>(path.subList(at, path.size()));
            loop.add(node);
            found.add(String.join(" -> ", loop));
            return;
        }
        if (done.contains(node)) return;
        path.add(node);
        for (String next : new TreeSet<>(g.getOrDefault(node, Set.of()))) visit(next, g, path, done, found);
        path.remove(path.size() - 1);
        done.add(node);
    }

    /** Package → the packages it uses (other than itself). */
    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> g = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : classDependencies().entrySet()) {
            String from = e.getKey().substring(0, e.getKey().indexOf(' '));
            Set<String> uses = g.computeIfAbsent(from, k -> new TreeSet<>());
            for (String to : e.getValue()) uses.add(to.substring(0, to.lastIndexOf('.')));
        }
        return g;
    }

    /** "package Class" → the classes of other packages it refers to, as "package.Class". */
    private static Map<String, Set<String>> classDependencies() throws IOException {
        Set<String> known = new HashSet<>();
        for (Path c : classes()) known.add(CLASSES.relativize(c).toString().replace(".class", ""));
        Pattern ref = Pattern.compile("dev/taw/([A-Za-z0-9_/$]+)");
        Map<String, Set<String>> deps = new TreeMap<>();
        for (Path c : classes()) {
            String from = unit(c);
            Set<String> uses = deps.computeIfAbsent(from + " " + c.getFileName(), k -> new TreeSet<>());
            Matcher m = ref.matcher(new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1));
            while (m.find()) {
                String name = m.group(1);
                if (!known.contains(name) && !known.contains(name.replaceAll("\\$.*", ""))) continue; // a resource path, not a class
                String to = unitOf(name);
                if (!to.equals(from)) uses.add(to + "." + name.substring(name.lastIndexOf('/') + 1));
            }
        }
        return deps;
    }

    /** The package a compiled class belongs to in the map: io's sub-packages count apart, ui's as one. */
    private static String unit(Path classFile) {
        return unitOf(CLASSES.relativize(classFile).toString().replace(".class", ""));
    }

    private static String unitOf(String relative) {
        String[] parts = relative.split("/");
        if (parts.length == 1) return "(root)";
        if (parts[0].equals("io") && parts.length > 2) return "io." + parts[1];
        return parts[0];
    }

    private static List<Path> classes() throws IOException {
        try (Stream<Path> s = Files.walk(CLASSES)) {
            return s.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }
}
