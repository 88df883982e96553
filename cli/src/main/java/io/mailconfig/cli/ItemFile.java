package io.mailconfig.cli;

import static io.mailconfig.store.dynamodb.Table.DAV_PREFIX;
import static io.mailconfig.store.dynamodb.Table.DOMAIN_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PARTITION_KEY;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_PREFIX;
import static io.mailconfig.store.dynamodb.Table.PROVIDER_SORT_KEY;
import static io.mailconfig.store.dynamodb.Table.SERVER_PREFIX;
import static io.mailconfig.store.dynamodb.Table.SORT_KEY;
import static io.mailconfig.store.dynamodb.Table.USER_PREFIX;

import io.mailconfig.store.dynamodb.ItemWriter;
import io.mailconfig.store.dynamodb.PlainValues;
import io.mailconfig.store.dynamodb.Table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The data file: providers, each with its domains, servers, DAV servers and mailboxes, mirroring
 * the table's partitions (docs/data-management.md). YAML or JSON; JSON is read as YAML, of which it
 * is a subset. Every attribute of every item is kept, so a file exported from a table imports back
 * into the same items.
 */
public final class ItemFile {

    /** Where each kind of item goes in a provider entry, and which field holds the rest of its sort key. */
    private enum Section {
        DOMAINS("domains", DOMAIN_PREFIX, "name"),
        SERVERS("servers", SERVER_PREFIX, "id"),
        DAV("dav", DAV_PREFIX, "id"),
        USERS("users", USER_PREFIX, "address");

        final String field;
        final String prefix;
        final String keyField;

        Section(String field, String prefix, String keyField) {
            this.field = field;
            this.prefix = prefix;
            this.keyField = keyField;
        }
    }

    /** Items of a kind mailconfig does not know, kept with their whole sort key. */
    private static final String OTHER_ITEMS = "otherItems";
    private static final Set<String> PROVIDER_ENTRY_FIELDS = Set.of("id", "domains", "servers", "dav", "users", OTHER_ITEMS);

    /** Attributes in the order of docs/table-design.md, any others after them by name. */
    private static final List<String> KNOWN_ATTRIBUTES = Table.Attributes.ALL;
    private static final Comparator<String> ATTRIBUTE_ORDER = Comparator
            .comparingInt((String name) -> KNOWN_ATTRIBUTES.contains(name) ? KNOWN_ATTRIBUTES.indexOf(name) : KNOWN_ATTRIBUTES.size())
            .thenComparing(Comparator.naturalOrder());

    /** The largest file read, in characters: far beyond 100,000 domains, short of running out of memory. */
    static final int MAX_FILE_CHARS = 256 * 1024 * 1024;

    private static final YAMLFactory YAML_FACTORY = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            // A second "domains:" in one provider is a mistake to report, not a value to overwrite.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper YAML = new ObjectMapper(YAML_FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public enum Format { YAML, JSON }

    private ItemFile() {
    }

    /** Why a file cannot be read as a data file, with the place in it. */
    public static final class InvalidFileException extends IOException {
        public InvalidFileException(String message) {
            super(message);
        }
    }

    public static List<Map<String, AttributeValue>> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // SnakeYAML stops at 3 MB by default, below what a large provider exports.
        options.setCodePointLimit(MAX_FILE_CHARS);
        return options;
    }

    public static List<Map<String, AttributeValue>> parse(String text) throws IOException {
        if (text.length() > MAX_FILE_CHARS) {
            throw new InvalidFileException("the file holds " + text.length() + " characters, more than " + MAX_FILE_CHARS);
        }
        refuseAnchorsAndAliases(text);
        Object root;
        try {
            root = YAML.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new InvalidFileException("not YAML or JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("providers") instanceof List<?> providers)) {
            throw new InvalidFileException("expected a top-level 'providers:' list");
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int index = 0;
        for (Object entry : providers) {
            index++;
            if (!(entry instanceof Map<?, ?> provider) || !(provider.get("id") instanceof String id) || id.isBlank()) {
                throw new InvalidFileException("provider #" + index + " needs an 'id' (the PROVIDER#<id> partition)");
            }
            items.addAll(providerItems(id.strip(), provider));
        }
        return items;
    }

    /**
     * Anchors and aliases ({@code &name}, {@code *name}) are refused: Jackson reads an alias of a list
     * or map as a string, and expanding them would let a small file become a huge one.
     */
    private static void refuseAnchorsAndAliases(String text) throws IOException {
        try (YAMLParser parser = (YAMLParser) YAML_FACTORY.createParser(text)) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias() || parser.getObjectId() != null) {
                    throw new InvalidFileException("YAML anchors and aliases (&name, *name) are not read: write each value out"
                            + " (line " + parser.currentLocation().getLineNr() + ")");
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidFileException("not YAML or JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    private static List<Map<String, AttributeValue>> providerItems(String id, Map<?, ?> entry) throws InvalidFileException {
        String pk = PROVIDER_PREFIX + id;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, Object> providerAttributes = new LinkedHashMap<>();
        entry.forEach((key, value) -> {
            if (!PROVIDER_ENTRY_FIELDS.contains(String.valueOf(key))) {
                providerAttributes.put(String.valueOf(key), value);
            }
        });
        if (!providerAttributes.isEmpty()) {
            items.add(fromFile(pk, PROVIDER_SORT_KEY, providerAttributes));
        }
        for (Section section : Section.values()) {
            for (Map<String, Object> element : list(entry, section.field, id, section.keyField)) {
                Object key = element.remove(section.keyField);
                if (!(key instanceof String text) || text.isBlank()) {
                    throw new InvalidFileException("provider " + id + ": every entry of '" + section.field
                            + "' needs '" + section.keyField + "'");
                }
                items.add(fromFile(pk, section.prefix + text.strip(), element));
            }
        }
        for (Map<String, Object> element : list(entry, OTHER_ITEMS, id, SORT_KEY)) {
            Object sk = element.remove(SORT_KEY);
            if (!(sk instanceof String text) || text.isBlank()) {
                throw new InvalidFileException("provider " + id + ": every entry of '" + OTHER_ITEMS + "' needs 'sk'");
            }
            items.add(fromFile(pk, text, element));
        }
        return items;
    }

    /** The entries of one section; a bare string stands for an entry with only its key ("- example.com"). */
    private static List<Map<String, Object>> list(Map<?, ?> entry, String field, String id, String keyField)
            throws InvalidFileException {
        Object value = entry.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidFileException("provider " + id + ": '" + field + "' must be a list");
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Object element : list) {
            if (element instanceof String text) {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(keyField, text);
                entries.add(map);
            } else if (element instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, attribute) -> copy.put(String.valueOf(key), attribute));
                entries.add(copy);
            } else {
                throw new InvalidFileException("provider " + id + ": entries of '" + field + "' must be maps");
            }
        }
        return entries;
    }

    private static Map<String, AttributeValue> fromFile(String pk, String sk, Map<String, Object> attributes) {
        return ItemWriter.item(pk, sk, PlainValues.item(attributes));
    }

    public static String write(List<Map<String, AttributeValue>> items, Format format) throws IOException {
        Map<String, List<Map<String, AttributeValue>>> partitions = new TreeMap<>();
        for (Map<String, AttributeValue> item : items) {
            partitions.computeIfAbsent(key(item, PARTITION_KEY), pk -> new ArrayList<>()).add(item);
        }
        List<Object> providers = new ArrayList<>();
        partitions.forEach((pk, partition) -> {
            if (pk.startsWith(PROVIDER_PREFIX)) {
                providers.add(providerEntry(pk.substring(PROVIDER_PREFIX.length()), partition));
            }
        });
        Map<String, Object> root = Map.of("providers", providers);
        return format == Format.JSON ? JSON.writeValueAsString(root) + "\n" : YAML.writeValueAsString(root);
    }

    /** Partitions that are not PROVIDER#: the file cannot hold them. */
    public static List<String> partitionsLeftOut(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> key(item, PARTITION_KEY)).filter(pk -> !pk.startsWith(PROVIDER_PREFIX))
                .distinct().sorted().toList();
    }

    private static Map<String, Object> providerEntry(String id, List<Map<String, AttributeValue>> partition) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        List<Map<String, AttributeValue>> sorted = partition.stream()
                .sorted(Comparator.comparing(item -> key(item, SORT_KEY))).toList();
        sorted.stream().filter(item -> key(item, SORT_KEY).equals(PROVIDER_SORT_KEY)).findFirst()
                .ifPresent(item -> entry.putAll(attributes(item)));
        for (Section section : Section.values()) {
            List<Object> entries = new ArrayList<>();
            for (Map<String, AttributeValue> item : sorted) {
                String sk = key(item, SORT_KEY);
                if (sk.startsWith(section.prefix)) {
                    Map<String, Object> element = new LinkedHashMap<>();
                    element.put(section.keyField, sk.substring(section.prefix.length()));
                    element.putAll(attributes(item));
                    entries.add(section == Section.DOMAINS && element.size() == 1 ? element.get(section.keyField) : element);
                }
            }
            if (!entries.isEmpty()) {
                entry.put(section.field, entries);
            }
        }
        List<Object> others = new ArrayList<>();
        for (Map<String, AttributeValue> item : sorted) {
            String sk = key(item, SORT_KEY);
            if (!sk.equals(PROVIDER_SORT_KEY) && java.util.Arrays.stream(Section.values()).noneMatch(s -> sk.startsWith(s.prefix))) {
                Map<String, Object> element = new LinkedHashMap<>();
                element.put(SORT_KEY, sk);
                element.putAll(attributes(item));
                others.add(element);
            }
        }
        if (!others.isEmpty()) {
            entry.put(OTHER_ITEMS, others);
        }
        return entry;
    }

    private static Map<String, Object> attributes(Map<String, AttributeValue> item) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        Map<String, AttributeValue> ordered = new TreeMap<>(ATTRIBUTE_ORDER);
        ordered.putAll(item);
        ordered.forEach((name, value) -> {
            if (!name.equals(PARTITION_KEY) && !name.equals(SORT_KEY)) {
                attributes.put(name, PlainValues.toPlain(value));
            }
        });
        return attributes;
    }

    static String key(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
