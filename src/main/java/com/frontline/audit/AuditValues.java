package com.frontline.audit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns an entry's stored before/after JSON into named values a person reads ("Skipped rows: 2"). */
final class AuditValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditValues() {
    }

    static List<AuditEntry.Field> fields(@Nullable String json) {
        if (json == null) {
            return List.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException unreadable) {
            return List.of(new AuditEntry.Field("", json));
        }
        List<AuditEntry.Field> fields = new ArrayList<>();
        if (node.isObject()) {
            for (var property : node.properties()) {
                fields.add(new AuditEntry.Field(name(property.getKey()), value(property.getValue())));
            }
        } else {
            fields.add(new AuditEntry.Field("", value(node)));
        }
        return fields;
    }

    /** {@code skippedRows} → "Skipped rows", {@code primary_color} → "Primary color". */
    static String name(String key) {
        String spaced = key.replace('_', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                .strip();
        return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String value(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return "—";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return items.isEmpty() ? "none" : String.join(", ", items);
        }
        if (node.isValueNode()) {
            return node.asString();
        }
        return node.toString();
    }
}
