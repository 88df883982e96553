package io.mailconfig.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads items written as plain JSON, the way the DynamoDB console shows them with "View DynamoDB
 * JSON" switched off: strings, numbers, booleans, lists and maps.
 */
public final class PlainJsonItems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainJsonItems() {
    }

    public static List<Map<String, AttributeValue>> read(InputStream json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (!root.isArray()) {
            throw new IOException("expected a JSON array of items");
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (JsonNode item : root) {
            items.add(toItem(item));
        }
        return items;
    }

    private static Map<String, AttributeValue> toItem(JsonNode object) throws IOException {
        if (!object.isObject()) {
            throw new IOException("expected a JSON object for an item, got " + object.getNodeType());
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            item.put(field.getKey(), toAttribute(field.getValue()));
        }
        return item;
    }

    private static AttributeValue toAttribute(JsonNode value) throws IOException {
        return switch (value.getNodeType()) {
            case STRING -> AttributeValue.fromS(value.asText());
            case NUMBER -> AttributeValue.fromN(value.asText());
            case BOOLEAN -> AttributeValue.fromBool(value.asBoolean());
            case NULL -> AttributeValue.fromNul(true);
            case ARRAY -> {
                List<AttributeValue> list = new ArrayList<>();
                for (JsonNode element : value) {
                    list.add(toAttribute(element));
                }
                yield AttributeValue.fromL(list);
            }
            case OBJECT -> AttributeValue.fromM(toItem(value));
            default -> throw new IOException("unsupported JSON value: " + value.getNodeType());
        };
    }
}
