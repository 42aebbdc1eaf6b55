package com.frontline.assistants;

import com.frontline.llm.ModelSettings;
import com.frontline.tenants.Languages;
import com.frontline.tenants.Tone;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A configuration as people read it, field by field with labels, and two configurations compared field by field.
 * Every value is written out exactly (a weight of 0.405 is not shown as 0.41), so two configurations that differ
 * always differ in at least one field shown.
 */
public final class ConfigFields {

    /** One field of a configuration: its part, its label and its value as written on the page. */
    public record Field(String section, String label, String value) {
    }

    static final String NONE = "None";
    static final String NOT_IN_CHAIN = "Not in the chain";
    static final String DEFAULT_MODEL = "Default model";

    private ConfigFields() {
    }

    /** Every field of the configuration, in the order the pages show them. */
    public static List<Field> of(AssistantConfig config) {
        Map<UUID, String> names = new LinkedHashMap<>();
        config.providers().forEach(p -> names.putIfAbsent(p.id(), name(p)));
        return fields(config, names);
    }

    /** Every field of both, paired (providers of either, in the first's order, then the second's new ones). */
    public static List<FieldDiff> compare(AssistantConfig before, AssistantConfig after) {
        Map<UUID, String> names = new LinkedHashMap<>();
        before.providers().forEach(p -> names.putIfAbsent(p.id(), name(p)));
        after.providers().forEach(p -> names.putIfAbsent(p.id(), name(p)));
        List<Field> a = fields(before, names);
        List<Field> b = fields(after, names);
        List<FieldDiff> rows = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            rows.add(new FieldDiff(a.get(i).section(), a.get(i).label(), a.get(i).value(), b.get(i).value()));
        }
        return rows;
    }

    /** Only the fields that differ. */
    public static List<FieldDiff> changes(AssistantConfig before, AssistantConfig after) {
        return compare(before, after).stream().filter(FieldDiff::changed).toList();
    }

    private static List<Field> fields(AssistantConfig c, Map<UUID, String> providerNames) {
        List<Field> f = new ArrayList<>();
        AssistantConfig.Prompt p = c.prompt();
        String persona = "Persona";
        f.add(new Field(persona, "Assistant name", p.assistantName()));
        f.add(new Field(persona, "Tone", tone(p.tone())));
        f.add(new Field(persona, "Instructions", blank(p.customInstructions()) ? NONE : p.customInstructions()));
        f.add(new Field(persona, "Greeting", p.greeting()));
        f.add(new Field(persona, "Fallback message (when not sure)", p.fallbackMessage()));
        f.add(new Field(persona, "Language", Languages.ALL.getOrDefault(p.language(), p.language())));

        AssistantConfig.Routing r = c.routing();
        String routing = "Routing";
        f.add(new Field(routing, "Route questions by complexity", r.enabled() ? "On" : "Off"));
        f.add(new Field(routing, "Cheap model up to complexity", number(r.simpleMaxScore())));
        f.add(new Field(routing, "Strongest model from complexity", number(r.complexMinScore())));
        f.add(new Field(routing, "Long-context model from", number(r.longContextChars()) + " characters"));

        String providers = "AI providers";
        f.add(new Field(providers, "Failover order", c.providers().isEmpty() ? "None: the offline answerer answers"
                : String.join(" → ", c.providers().stream().map(ConfigFields::name).toList())));
        Map<UUID, AssistantConfig.Provider> byId = new LinkedHashMap<>();
        c.providers().forEach(x -> byId.putIfAbsent(x.id(), x));
        providerNames.forEach((id, name) -> {
            AssistantConfig.Provider x = byId.get(id);
            f.add(new Field(providers, name + ": default model", x == null ? NOT_IN_CHAIN : x.defaultModel()));
            f.add(new Field(providers, name + ": simple questions", x == null ? NOT_IN_CHAIN : model(x.cheapModel())));
            f.add(new Field(providers, name + ": complex questions",
                    x == null ? NOT_IN_CHAIN : model(x.strongModel())));
            f.add(new Field(providers, name + ": long context",
                    x == null ? NOT_IN_CHAIN : model(x.longContextModel())));
            f.add(new Field(providers, name + ": may hand over to a person",
                    x == null ? NOT_IN_CHAIN : x.handoffTool() ? "Yes" : "No"));
        });

        AssistantConfig.Retrieval s = c.retrieval();
        String search = "Search";
        f.add(new Field(search, "Fusion", switch (s.fusion()) {
            case "WEIGHTED" -> "Weighted scores";
            case "RRF" -> "Reciprocal rank fusion";
            default -> s.fusion();
        }));
        f.add(new Field(search, "Word-match (BM25) weight", exact(s.bm25Weight())));
        f.add(new Field(search, "Passages per answer", number(s.topK())));
        f.add(new Field(search, "Candidates per retriever", number(s.candidates())));
        f.add(new Field(search, "Minimum fused score", exact(s.minScore())));

        f.add(new Field("Confidence", "Confidence threshold", percent(c.confidenceThreshold())));
        return f;
    }

    static String name(AssistantConfig.Provider p) {
        return ModelSettings.displayName(p.kind(), p.label());
    }

    private static String tone(String name) {
        try {
            return Tone.valueOf(name).label();
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static String model(@Nullable String model) {
        return blank(model) ? DEFAULT_MODEL : model;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The shortest exact decimal: 0.4, 0.405, 0. */
    static String exact(double d) {
        BigDecimal value = BigDecimal.valueOf(d).stripTrailingZeros();
        return (value.signum() == 0 ? BigDecimal.ZERO : value).toPlainString();
    }

    /** 0.5 → "50 %", 0.455 → "45.5 %". */
    static String percent(double share) {
        BigDecimal value = BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros();
        return (value.signum() == 0 ? BigDecimal.ZERO : value).toPlainString() + " %";
    }
}
