package org.cpt4j.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code org.cpt4j:cpt4j-bom} (sdk/bom) has no parent, so nothing but this test ties it to the build: it names every
 * published cpt4j module at the project's version, and the versions it pins for users are those cpt4j is built with.
 * The example plugin, a project of its own that imports the BOM, is released at the project's version too.
 */
class BillOfMaterialsTest {

    private static final Path ROOT = Path.of("..");
    /** The application (cpt4j.jar with its lib/ folder): run, not depended on. */
    private static final String COMMAND_LINE = "cpt4j-examples";

    @Test
    void theBomManagesEveryPublishedModuleAtTheProjectsVersion() throws Exception {
        Element parent = pom(ROOT);
        Element bom = pom(ROOT.resolve("sdk/bom"));
        assertNull(child(bom, "parent"), "an import of the BOM would take in the parent's dependencyManagement");
        assertEquals(text(parent, "version"), text(bom, "version"));
        Map<String, String> managed = new TreeMap<>();
        for (Element dependency : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            if (text(dependency, "groupId").equals("org.cpt4j")) {
                managed.put(text(dependency, "artifactId"), text(dependency, "version"));
            }
        }
        List<String> published = new ArrayList<>();
        modules(ROOT, "org.cpt4j", published);
        assertTrue(published.containsAll(List.of("cpt4j-api", "cpt4j-engine", "cpt4j-runtime")), published.toString());
        for (String artifact : published) {
            assertEquals("${project.version}", managed.get(artifact), artifact + " in sdk/bom/pom.xml");
        }
    }

    @Test
    void theVersionsTheBomPinsAreTheOnesCpt4jIsBuiltWith() throws Exception {
        Element parent = child(pom(ROOT), "properties");
        Element bom = child(pom(ROOT.resolve("sdk/bom")), "properties");
        for (Node node = bom.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element property) {
                assertEquals(text(parent, property.getTagName()), property.getTextContent(),
                        property.getTagName() + " in sdk/bom/pom.xml and pom.xml");
            }
        }
    }

    @Test
    void theExamplePluginImportsTheBomAloneAtTheProjectsVersion() throws Exception {
        Element plugin = pom(ROOT.resolve("examples/plugin-example"));
        assertNull(child(plugin, "parent"), "an outside plugin author has no cpt4j parent to inherit");
        assertEquals(text(pom(ROOT), "version"), text(plugin, "version"));
        List<Element> imports = children(child(child(plugin, "dependencyManagement"), "dependencies"), "dependency");
        assertEquals(List.of("org.cpt4j:cpt4j-bom:import"), imports.stream()
                .map(d -> text(d, "groupId") + ":" + text(d, "artifactId") + ":" + text(d, "scope")).toList());
    }

    /** Adds the artifactIds of the jar modules of {@code group} under {@code directory}, the application excepted. */
    private static void modules(Path directory, String group, List<String> published) throws Exception {
        Element pom = pom(directory);
        Element parent = child(pom, "parent");
        String groupId = child(pom, "groupId") != null ? text(pom, "groupId") : parent == null ? "" : text(parent, "groupId");
        String packaging = child(pom, "packaging") != null ? text(pom, "packaging") : "jar";
        if (groupId.equals(group) && packaging.equals("jar") && !text(pom, "artifactId").equals(COMMAND_LINE)) {
            published.add(text(pom, "artifactId"));
        }
        Element modules = child(pom, "modules");
        if (modules != null) {
            for (Element module : children(modules, "module")) {
                modules(directory.resolve(module.getTextContent().trim()), group, published);
            }
        }
    }

    private static Element pom(Path directory) throws Exception {
        Path file = directory.resolve("pom.xml");
        assertTrue(Files.isRegularFile(file), file + " exists");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static @Nullable Element child(Element element, String name) {
        List<Element> found = children(element, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(@Nullable Element element, String name) {
        List<Element> found = new ArrayList<>();
        if (element != null) {
            for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element child && child.getTagName().equals(name)) {
                    found.add(child);
                }
            }
        }
        return found;
    }

    private static String text(Element element, String name) {
        Element child = child(element, name);
        assertTrue(child != null, "<" + name + "> in <" + element.getTagName() + ">");
        return child.getTextContent().trim();
    }
}
