package vn.giamngheo.platform.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A strict reader of YAML rule files that remembers where every value stands, so that an unknown field, a missing one,
 * a wrong type or a condition that does not compile is reported with the file and the line.
 */
public final class YamlNode {

    private final String file;
    private final Node node;
    private final String path;

    private YamlNode(String file, Node node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    public static YamlNode read(String file, InputStream in) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                throw new RuleFileException(file, 0, "the file is empty");
            }
            return new YamlNode(file, root, "");
        } catch (MarkedYAMLException e) {
            throw new RuleFileException(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1,
                    e.getProblem(), e);
        } catch (IOException e) {
            throw new RuleFileException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    public String file() {
        return file;
    }

    /** 1-based line of this value. */
    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    public String path() {
        return path.isEmpty() ? "(root)" : path;
    }

    public RuleFileException error(String message) {
        return new RuleFileException(file, line(), path() + ": " + message);
    }

    /** Fails on any key not in {@code allowed}: a misspelt field must not be silently ignored. */
    public YamlNode allowOnly(Set<String> allowed) {
        for (NodeTuple tuple : mapping().getValue()) {
            String key = keyOf(tuple);
            if (!allowed.contains(key)) {
                throw new RuleFileException(file, tuple.getKeyNode().getStartMark().getLine() + 1,
                        child(key) + ": unknown field (expected one of " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    public Optional<YamlNode> opt(String key) {
        for (NodeTuple tuple : mapping().getValue()) {
            if (keyOf(tuple).equals(key)) {
                Node value = tuple.getValueNode();
                if (value instanceof ScalarNode s && "null".equals(s.getTag().getValue().replace("tag:yaml.org,2002:", ""))) {
                    return Optional.empty();
                }
                return Optional.of(new YamlNode(file, value, child(key)));
            }
        }
        return Optional.empty();
    }

    public YamlNode get(String key) {
        return opt(key).orElseThrow(() -> error("field '" + key + "' is missing"));
    }

    public String text() {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a single value");
        }
        String value = scalar.getValue();
        if (value.isBlank()) {
            throw error("is blank");
        }
        return value.strip();
    }

    public String string(String key) {
        return get(key).text();
    }

    public Optional<String> optString(String key) {
        return opt(key).map(YamlNode::text);
    }

    public long longValue() {
        try {
            return Long.parseLong(text().replace("_", ""));
        } catch (NumberFormatException e) {
            throw error("'" + text() + "' is not a whole number");
        }
    }

    public long longValue(String key) {
        return get(key).longValue();
    }

    public boolean bool(String key) {
        YamlNode value = get(key);
        return switch (value.text()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw value.error("'" + value.text() + "' is not true or false");
        };
    }

    public boolean bool(String key, boolean fallback) {
        return opt(key).isPresent() ? bool(key) : fallback;
    }

    public LocalDate date() {
        try {
            return LocalDate.parse(text());
        } catch (DateTimeParseException e) {
            throw error("'" + text() + "' is not a date (YYYY-MM-DD)");
        }
    }

    public LocalDate date(String key) {
        return get(key).date();
    }

    public Optional<LocalDate> optDate(String key) {
        return opt(key).map(YamlNode::date);
    }

    public List<YamlNode> list() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list");
        }
        List<YamlNode> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new YamlNode(file, sequence.getValue().get(i), path + "[" + i + "]"));
        }
        return items;
    }

    public List<YamlNode> list(String key) {
        return get(key).list();
    }

    public List<String> strings(String key) {
        return opt(key).map(n -> n.list().stream().map(YamlNode::text).toList()).orElse(List.of());
    }

    /** The entries of a mapping, in file order. */
    public Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping().getValue()) {
            String key = keyOf(tuple);
            entries.put(key, new YamlNode(file, tuple.getValueNode(), child(key)));
        }
        return entries;
    }

    private MappingNode mapping() {
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected fields (key: value)");
        }
        return mapping;
    }

    private String keyOf(NodeTuple tuple) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
            throw new RuleFileException(file, tuple.getKeyNode().getStartMark().getLine() + 1, "a key must be a name");
        }
        return key.getValue();
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
