package io.mailconfig.store.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between DynamoDB attribute values and the plain values of JSON or YAML: strings,
 * numbers, booleans, null, lists and maps, the way the console shows items with "DynamoDB JSON"
 * switched off. The sample data, the local run and the data tool's files all go through here.
 */
public final class PlainValues {

    private PlainValues() {
    }

    /** An item from a plain map (as Jackson reads a JSON or YAML object). */
    public static Map<String, AttributeValue> item(Map<?, ?> plain) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        plain.forEach((name, value) -> item.put(String.valueOf(name), toAttribute(value)));
        return item;
    }

    public static AttributeValue toAttribute(Object value) {
        return switch (value) {
            case null -> AttributeValue.fromNul(true);
            case String text -> AttributeValue.fromS(text);
            case BigDecimal number -> AttributeValue.fromN(number.toPlainString());
            case Number number -> AttributeValue.fromN(number.toString());
            case Boolean flag -> AttributeValue.fromBool(flag);
            case List<?> list -> AttributeValue.fromL(list.stream().map(PlainValues::toAttribute).toList());
            case Map<?, ?> map -> AttributeValue.fromM(item(map));
            default -> AttributeValue.fromS(value.toString());
        };
    }

    /** Sets become lists: mailconfig reads both the same way. */
    public static Object toPlain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n());
            case BOOL -> value.bool();
            case NUL -> null;
            case L -> {
                List<Object> list = new ArrayList<>();
                value.l().forEach(element -> list.add(toPlain(element)));
                yield list;
            }
            case M -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.m().forEach((key, element) -> map.put(key, toPlain(element)));
                yield map;
            }
            case SS -> List.copyOf(value.ss());
            case NS -> value.ns().stream().map(BigDecimal::new).toList();
            case B -> value.b().asUtf8String();
            case BS -> value.bs().stream().map(SdkBytes::asUtf8String).toList();
            default -> throw new IllegalArgumentException("unsupported attribute type " + value.type());
        };
    }
}
