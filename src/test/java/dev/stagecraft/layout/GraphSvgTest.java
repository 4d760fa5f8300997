package dev.stagecraft.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.stage.Analysis;
import dev.stagecraft.stage.AnalysisOptions;
import dev.stagecraft.stage.DockerfileAnalyzer;
import dev.stagecraft.stage.GraphNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GraphSvgTest {
    private static final String GO = "FROM golang:1.22 AS build\nRUN go build -o /app\n\n"
            + "FROM build AS test\nRUN go test ./...\n\n"
            + "FROM scratch\nCOPY --from=build /app /app\n"
            + "RUN --mount=type=bind,from=test,target=/t true\n";

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void escapeMakesTextSafeForXml() {
        assertEquals("a&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;", GraphSvg.escape("a<b> & \"c\" 'd'"));
        assertEquals("x\uFFFDy\uFFFDz", GraphSvg.escape("x\u0001y\uFFFFz"), "characters XML 1.0 forbids");
        assertEquals("\uD83D\uDC33 \uFFFD", GraphSvg.escape("\uD83D\uDC33 \uD83D"), "a pair stays, a lone surrogate goes");
        assertEquals("tab\tand\nline", GraphSvg.escape("tab\tand\nline"));
    }

    @Test
    void aLongReference_isCutInItsMiddleToItsNode_andWholeInItsTitle() throws Exception {
        String pinned = "node:20-alpine@sha256:" + "0123456789abcdef".repeat(4);
        Analysis analysis = DockerfileAnalyzer.analyze("FROM " + pinned + " AS build\nRUN true\n", AnalysisOptions.defaults());
        Document doc = parse(GraphSvg.write(analysis, Map.of()));
        List<String> texts = texts(doc);
        assertTrue(texts.contains("node:20-alpine@sha256...bcdef0123456789abcdef"), texts.toString());
        NodeList titles = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
        assertEquals(2, titles.getLength(), "the drawing's, and the image's");
        assertEquals(pinned, titles.item(1).getTextContent());
        NodeList rects = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        int nodes = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            String of = ((Element) rect.getParentNode()).getAttribute("class");
            if (of.equals("stage") || of.equals("image")) {
                nodes++;
                assertTrue(Double.parseDouble(rect.getAttribute("width")) <= GraphSvg.MAX_NODE_WIDTH,
                        "a node at most a column wide: " + rect.getAttribute("width"));
            }
        }
        assertEquals(2, nodes);
        GraphSvg.Box widest = new GraphSvg.Box(0, 0, GraphSvg.MAX_NODE_WIDTH, 28);
        assertEquals("abc...xy", GraphSvg.fitted("abcdefghijklmnopqrstuvwxy", widest, GraphSvg.MAX_NODE_WIDTH - 8 * 6.2 - 1, 6.2));
        assertEquals("abcdefghijklmnopqrstuvwxy", GraphSvg.fitted("abcdefghijklmnopqrstuvwxy", new GraphSvg.Box(0, 0, 80, 28), 20, 6.2),
                "a node narrower than the widest was sized to its text by the window: the text is whole");
    }

    @Test
    void drawingIsWellFormedSvgWithEveryStageImageAndEdge() throws Exception {
        Analysis analysis = DockerfileAnalyzer.analyze(GO, AnalysisOptions.defaults());
        Document doc = parse(GraphSvg.write(analysis, Map.of()));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        List<String> texts = texts(doc);
        for (String expected : List.of("build", "test", "#2", "golang:1.22", "FROM scratch (empty)", "/app → /app",
                "ships in the final image", "left behind (build only)")) {
            assertTrue(texts.contains(expected), expected + " in " + texts);
        }
        NodeList paths = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        assertEquals(analysis.graph().edges().size(), paths.getLength(), "one path per edge");
        boolean dashedMount = false;
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            assertTrue(p.getAttribute("d").matches("M [\\d.]+ [\\d.]+ C( [\\d.-]+){6}"), p.getAttribute("d"));
            if (p.getAttribute("class").contains("edge-mount")) {
                dashedMount = "6 4".equals(p.getAttribute("stroke-dasharray")) && "#2da44e".equals(p.getAttribute("stroke"));
            }
            if (p.getAttribute("class").contains("edge-copy")) {
                assertEquals("#1f6feb", p.getAttribute("stroke"));
            }
        }
        assertTrue(dashedMount, "the mount edge is green and dashed like the CSS");
    }

    @Test
    void hostileTextsStayWellFormed() throws Exception {
        String text = "FROM \"weird<&>'img\" AS a\nCOPY --from=a \"x<y>&z\" /d\n";
        Analysis analysis = DockerfileAnalyzer.analyze(text, AnalysisOptions.defaults());
        Document doc = parse(GraphSvg.write(analysis, Map.of()));
        String all = String.join("|", texts(doc));
        assertTrue(all.contains("<&>"), all);
    }

    @Test
    void measuredBoxesAreUsedAsGiven() throws Exception {
        Analysis analysis = DockerfileAnalyzer.analyze(GO, AnalysisOptions.defaults());
        GraphSvg.Box box = new GraphSvg.Box(500, 300, 222, 90);
        Document doc = parse(GraphSvg.write(analysis, Map.of(new GraphNode.StageNode(1), box)));
        Element card = doc.getElementById("stage-1");
        NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; card == null && i < groups.getLength(); i++) {
            if ("stage-1".equals(((Element) groups.item(i)).getAttribute("id"))) {
                card = (Element) groups.item(i);
            }
        }
        Element rect = (Element) card.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").item(0);
        assertEquals("500.0", rect.getAttribute("x"));
        assertEquals("222.0", rect.getAttribute("width"));
        assertTrue(Double.parseDouble(doc.getDocumentElement().getAttribute("height")) >= 390 + GraphSvg.MARGIN);
    }
}
