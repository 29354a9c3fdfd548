package dev.rounds.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@link ServerConfig}: the defaults, overlaid by a YAML file, overlaid by environment
 * variables named {@code ROUNDS_<SECTION>_<OPTION>} in upper snake case (e.g. {@code
 * ROUNDS_HTTP_PORT}, {@code ROUNDS_STORAGE_JDBC_URL}). Unknown options are errors, not ignored.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {
    }

    /**
     * Loads the configuration.
     *
     * @param file a YAML file, or {@code null} for defaults and environment only
     * @param environment the environment variables (usually {@code System.getenv()})
     * @throws InvalidConfigException naming what is wrong
     */
    public static ServerConfig load(Path file, Map<String, String> environment) {
        ObjectNode tree = YAML.valueToTree(ServerConfig.defaults());
        if (file != null) {
            overlay(tree, readFile(file), "");
        }
        applyEnvironment(tree, environment);
        return bind(tree);
    }

    /** The environment variable that overrides an option, e.g. {@code ROUNDS_STORAGE_JDBC_URL}. */
    public static String environmentName(String section, String option) {
        return "ROUNDS_" + section.toUpperCase(Locale.ROOT) + "_"
                + option.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static JsonNode readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException("config file " + file + " does not exist");
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                throw new InvalidConfigException("config file " + file + " must be a YAML mapping of sections");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidConfigException("config file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static void overlay(ObjectNode target, JsonNode source, String prefix) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                throw new InvalidConfigException("unknown option '" + name + "', known here: " + names(target));
            }
            if (existing.isObject()) {
                if (!field.getValue().isObject()) {
                    throw new InvalidConfigException("'" + name + "' is a section: give it options, e.g. " + names((ObjectNode) existing));
                }
                overlay((ObjectNode) existing, field.getValue(), name + ".");
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void applyEnvironment(ObjectNode tree, Map<String, String> environment) {
        tree.fields().forEachRemaining(section -> {
            ObjectNode options = (ObjectNode) section.getValue();
            List<String> names = new ArrayList<>();
            options.fieldNames().forEachRemaining(names::add);
            for (String option : names) {
                String value = environment.get(environmentName(section.getKey(), option));
                if (value != null) {
                    options.set(option, TextNode.valueOf(value));
                }
            }
        });
    }

    private static ServerConfig bind(ObjectNode tree) {
        try {
            return YAML.treeToValue(tree, ServerConfig.class);
        } catch (JsonProcessingException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidConfigException invalid) {
                    throw invalid;
                }
            }
            String where = e instanceof JsonMappingException mapping ? " at '" + path(mapping) + "'" : "";
            throw new InvalidConfigException("invalid configuration" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        e.getPath().forEach(reference -> parts.add(reference.getFieldName()));
        return String.join(".", parts);
    }

    private static String names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }
}
