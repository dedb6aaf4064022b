package io.github.cxmetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The three published poms (the core {@code pom.xml}, {@code spark/pom.xml} and the BOM
 * {@code bom/pom.xml}) are released together (docs/releasing.md): they carry one version, the BOM
 * pins both libraries to it, and each has what Maven Central requires and a {@code release} profile.
 * Read with the JDK's XML parser, as plain files: the three are separate Maven projects.
 */
class ReleasePomsTest {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));

    @Test
    void theCoreTheSparkModuleAndTheBomHaveOneVersion() {
        String core = text("pom.xml", "/project/version");

        assertThat(core).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(text("spark/pom.xml", "/project/version")).as("spark/pom.xml version").isEqualTo(core);
        assertThat(text("spark/pom.xml", "/project/properties/cxmetrics.version"))
                .as("the core version spark/pom.xml depends on").isEqualTo(core);
        assertThat(text("bom/pom.xml", "/project/version")).as("bom/pom.xml version").isEqualTo(core);
    }

    @Test
    void theBomPinsBothLibrariesToItsOwnVersion() {
        String managed = "/project/dependencyManagement/dependencies/dependency";

        assertThat(texts("bom/pom.xml", managed + "/groupId")).containsOnly("io.github.cxmetrics");
        assertThat(texts("bom/pom.xml", managed + "/artifactId")).containsExactly("cxmetrics", "cxmetrics-spark");
        assertThat(texts("bom/pom.xml", managed + "/version")).containsOnly("${project.version}");
        assertThat(text("bom/pom.xml", "/project/packaging")).isEqualTo("pom");
        assertThat(text("bom/pom.xml", "/project/artifactId")).isEqualTo("cxmetrics-bom");
    }

    /** The metadata Maven Central requires (central.sonatype.org/publish/requirements), in each pom. */
    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", "spark/pom.xml", "bom/pom.xml"})
    void eachPomHasWhatMavenCentralRequires(String pom) {
        assertThat(text(pom, "/project/groupId")).isEqualTo("io.github.cxmetrics");
        for (String required : List.of("name", "description", "url", "licenses/license/name",
                "licenses/license/url", "developers/developer/name", "scm/url", "scm/connection",
                "scm/developerConnection")) {
            assertThat(text(pom, "/project/" + required)).as(pom + ": " + required).isNotBlank();
        }
        assertThat(text(pom, "/project/url")).isEqualTo(text("pom.xml", "/project/url"));
        assertThat(text(pom, "/project/scm/url")).isEqualTo(text("pom.xml", "/project/url"));
    }

    /** The release profile signs, and uploads a bundle that waits for a person to publish it. */
    @ParameterizedTest
    @ValueSource(strings = {"pom.xml", "spark/pom.xml", "bom/pom.xml"})
    void eachPomHasAReleaseProfileThatDoesNotPublishByItself(String pom) {
        String plugins = "/project/profiles/profile[id='release']/build/plugins/plugin";

        assertThat(texts(pom, plugins + "/artifactId"))
                .contains("maven-gpg-plugin", "central-publishing-maven-plugin");
        assertThat(text(pom, plugins + "[artifactId='central-publishing-maven-plugin']/configuration/autoPublish"))
                .as(pom + ": autoPublish").isEqualTo("false");
    }

    private static String text(String pom, String xpath) {
        List<String> found = texts(pom, xpath);
        assertThat(found).as(pom + ": " + xpath).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(String pom, String xpath) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(BASEDIR.resolve(pom).toFile());
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                    .evaluate(xpath, document, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent().trim());
            }
            return values;
        } catch (IOException | ParserConfigurationException | SAXException | XPathExpressionException e) {
            throw new AssertionError("cannot read " + xpath + " from " + pom, e);
        }
    }
}
