package io.mailconfig.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between DynamoDB attribute values and the plain values of a YAML or JSON file: strings,
 * numbers, booleans, lists and maps, the way the console shows items with "DynamoDB JSON" off.
 */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue toAttribute(Object value) {
        return switch (value) {
            case null -> AttributeValue.fromNul(true);
            case String text -> AttributeValue.fromS(text);
            case BigDecimal number -> AttributeValue.fromN(number.toPlainString());
            case Number number -> AttributeValue.fromN(number.toString());
            case Boolean flag -> AttributeValue.fromBool(flag);
            case List<?> list -> AttributeValue.fromL(list.stream().map(Attributes::toAttribute).toList());
            case Map<?, ?> map -> {
                Map<String, AttributeValue> converted = new LinkedHashMap<>();
                map.forEach((key, element) -> converted.put(String.valueOf(key), toAttribute(element)));
                yield AttributeValue.fromM(converted);
            }
            default -> AttributeValue.fromS(value.toString());
        };
    }

    /** Sets become lists: mailconfig reads both the same way. */
    static Object toPlain(AttributeValue value) {
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
