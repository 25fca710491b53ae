package chaingraph.gephicheck;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.importer.api.Report;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Imports one graph file as Gephi's "Open graph file" does (default importer settings, default processor) and
 * prints one JSON object on stdout: what Gephi ended up with.
 *
 * <pre>java -Djava.awt.headless=true -jar target/gephi-check.jar FILE [EDGE_ATTRIBUTE]</pre>
 *
 * With EDGE_ATTRIBUTE, the output also counts the edges per value of that edge column (e.g. "kind").
 */
public final class GephiCheck {

    private GephiCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: gephi-check FILE [EDGE_ATTRIBUTE]");
            System.exit(2);
        }
        File file = new File(args[0]);
        String attribute = args.length > 1 ? args[1] : null;

        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        Container container = importer.importFile(file);
        if (container == null) {
            System.err.println("gephi-check: Gephi could not import " + file);
            System.exit(1);
        }
        importer.process(container, new DefaultProcessor(), workspace);

        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        Graph graph = model.getGraph();
        Map<String, Integer> byValue = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        Column column = null;
        if (attribute != null) {  // by id, else by title: GraphML and GEXF files give columns ids like d3 or 7
            column = model.getEdgeTable().getColumn(attribute);
            for (Column c : model.getEdgeTable()) {
                if (column == null && attribute.equals(c.getTitle())) {
                    column = c;
                }
            }
        }
        for (Edge edge : graph.getEdges()) {
            Object label = edge.getTypeLabel();
            byType.merge(label == null ? "" : label.toString(), 1, Integer::sum);
            if (column != null) {
                Object value = edge.getAttribute(column);
                byValue.merge(value == null ? "" : value.toString(), 1, Integer::sum);
            }
        }
        List<String> nodeColumns = new ArrayList<>();
        for (Column c : model.getNodeTable()) {
            nodeColumns.add(c.getTitle());
        }
        List<String> edgeColumns = new ArrayList<>();
        for (Column c : model.getEdgeTable()) {
            edgeColumns.add(c.getTitle());
        }
        List<String> issues = new ArrayList<>();
        Report report = container.getReport();
        if (report != null) {
            java.util.Iterator<Issue> found = report.getIssues(1000);
            while (found.hasNext()) {
                Issue issue = found.next();
                issues.add(issue.getLevel() + ": " + issue.getMessage());
            }
        }

        StringBuilder out = new StringBuilder("{");
        out.append("\"nodes\":").append(graph.getNodeCount());
        out.append(",\"edges\":").append(graph.getEdgeCount());
        out.append(",\"directed\":").append(model.isDirected());
        out.append(",\"edge_types\":").append(json(byType));
        out.append(",\"edge_attribute\":").append(attribute == null ? "null" : quote(attribute));
        out.append(",\"edge_attribute_values\":").append(json(byValue));
        out.append(",\"node_columns\":").append(jsonList(nodeColumns));
        out.append(",\"edge_columns\":").append(jsonList(edgeColumns));
        out.append(",\"issues\":").append(jsonList(issues));
        out.append("}");
        System.out.println(out);
        System.exit(0);  // Gephi's lookup threads would otherwise keep the JVM alive
    }

    private static String json(Map<String, Integer> map) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Integer> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(quote(entry.getKey())).append(':').append(entry.getValue());
        }
        return out.append('}').toString();
    }

    private static String jsonList(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
