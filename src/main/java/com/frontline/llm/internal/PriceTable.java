package com.frontline.llm.internal;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Model prices: the workspace's own entries over built-in defaults (list prices in USD per million tokens, input and
 * output, as published by the providers in 2025; admins correct them on the Providers page). A dated model name
 * ("gpt-4o-mini-2024-07-18") takes the price of its longest listed prefix.
 */
public final class PriceTable {

    static final Map<String, ModelPrice> DEFAULTS = defaults();

    private final Map<String, ModelPrice> entries;

    public PriceTable(Map<String, ModelPrice> custom) {
        Map<String, ModelPrice> merged = new LinkedHashMap<>(DEFAULTS);
        custom.forEach((model, price) -> merged.put(model.toLowerCase(Locale.ROOT), price));
        this.entries = merged;
    }

    public static PriceTable defaultsOnly() {
        return new PriceTable(Map.of());
    }

    public Optional<ModelPrice> price(String model) {
        String m = model.toLowerCase(Locale.ROOT).strip();
        ModelPrice exact = entries.get(m);
        if (exact != null) {
            return Optional.of(exact);
        }
        @Nullable ModelPrice best = null;
        int bestLength = 0;
        for (var e : entries.entrySet()) {
            if (m.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The cost of one call; self-hosted and unpriced models cost nothing (the page lists the unpriced ones). */
    public BigDecimal cost(ProviderKind kind, String model, int tokensIn, int tokensOut) {
        if (kind.local()) {
            return BigDecimal.ZERO;
        }
        return price(model).map(p -> p.inputPerMtok().multiply(BigDecimal.valueOf(tokensIn))
                        .add(p.outputPerMtok().multiply(BigDecimal.valueOf(tokensOut)))
                        .divide(BigDecimal.valueOf(1_000_000), 6, RoundingMode.HALF_UP))
                .orElse(BigDecimal.ZERO);
    }

    /** For ranking by cost: self-hosted is free, an unpriced model ranks last. */
    public @Nullable BigDecimal blended(ProviderKind kind, String model) {
        if (kind.local()) {
            return BigDecimal.ZERO;
        }
        return price(model).map(ModelPrice::blended).orElse(null);
    }

    public List<ModelPrice> all() {
        List<ModelPrice> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing(ModelPrice::model));
        return list;
    }

    private static Map<String, ModelPrice> defaults() {
        Map<String, ModelPrice> m = new LinkedHashMap<>();
        put(m, "gpt-4o", "2.50", "10.00");
        put(m, "gpt-4o-mini", "0.15", "0.60");
        put(m, "gpt-4.1", "2.00", "8.00");
        put(m, "gpt-4.1-mini", "0.40", "1.60");
        put(m, "gpt-4.1-nano", "0.10", "0.40");
        put(m, "gpt-5", "1.25", "10.00");
        put(m, "gpt-5-mini", "0.25", "2.00");
        put(m, "gpt-5-nano", "0.05", "0.40");
        put(m, "o4-mini", "1.10", "4.40");
        put(m, "claude-3-5-haiku", "0.80", "4.00");
        put(m, "claude-haiku-4-5", "1.00", "5.00");
        put(m, "claude-sonnet-4", "3.00", "15.00");
        put(m, "claude-sonnet-4-5", "3.00", "15.00");
        put(m, "claude-opus-4", "15.00", "75.00");
        put(m, "gemini-2.5-flash-lite", "0.10", "0.40");
        put(m, "gemini-2.5-flash", "0.30", "2.50");
        put(m, "gemini-2.5-pro", "1.25", "10.00");
        put(m, "mistral-small-latest", "0.10", "0.30");
        put(m, "mistral-medium-latest", "0.40", "2.00");
        put(m, "mistral-large-latest", "2.00", "6.00");
        put(m, "ministral-8b-latest", "0.10", "0.10");
        return Map.copyOf(m);
    }

    private static void put(Map<String, ModelPrice> m, String model, String in, String out) {
        m.put(model, new ModelPrice(model, new BigDecimal(in), new BigDecimal(out), false));
    }
}
