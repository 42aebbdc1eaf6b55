package com.frontline.rollouts.web;

import com.frontline.assistants.AssistantVersion;
import com.frontline.rollouts.ExperimentForm;
import com.frontline.rollouts.ExperimentKind;
import com.frontline.rollouts.GuardConfig;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The new-experiment form as typed, so that a refused form comes back exactly as it was sent, and its translation
 * into the service's {@link ExperimentForm}. Rows left empty (an arm without version and share, a step without a
 * percentage) are dropped; anything else typed is handed on as written, for the service to judge and explain.
 */
record PlanInput(String name, ExperimentKind kind, String candidate, List<String> armVersions,
                 List<String> armPercents, List<String> steps, String minDuration, String minSample,
                 String relativeDrop, String alpha, boolean autoAdvance) {

    /** Rows of A/B/n arms and of rollout steps the form offers. */
    static final int ARM_ROWS = 4;
    static final int STEP_ROWS = 5;
    static final List<String> DEFAULT_STEPS = List.of("10", "50", "100");

    /**
     * A fresh form: a gradual rollout of the newest version that is not live, 10 → 50 → 100 %, an hour and the
     * guard's minimum sample per step; as A/B, the live version against that one, half and half.
     */
    static PlanInput defaults(List<AssistantVersion> versions, int live) {
        String candidate = versions.stream().filter(v -> v.number() != live).findFirst()
                .map(v -> String.valueOf(v.number())).orElse("");
        List<String> armVersions = new ArrayList<>(List.of(String.valueOf(live), candidate));
        List<String> armPercents = new ArrayList<>(List.of("50", "50"));
        return new PlanInput("", ExperimentKind.ROLLOUT, candidate, pad(armVersions, ARM_ROWS),
                pad(armPercents, ARM_ROWS), pad(DEFAULT_STEPS, STEP_ROWS), "60",
                String.valueOf(GuardConfig.DEFAULTS.minSample()),
                BigDecimal.valueOf(GuardConfig.DEFAULTS.relativeDrop()).movePointRight(2).stripTrailingZeros()
                        .toPlainString(),
                BigDecimal.valueOf(GuardConfig.DEFAULTS.level()).stripTrailingZeros().toPlainString(), true);
    }

    /** The form's fields from the request ({@code armVersion}, {@code armPercent} and {@code step} repeat). */
    static PlanInput from(MultiValueMap<String, String> params) {
        ExperimentKind kind = "AB".equalsIgnoreCase(first(params, "kind")) ? ExperimentKind.AB : ExperimentKind.ROLLOUT;
        return new PlanInput(first(params, "name"), kind, first(params, "candidateVersion"),
                pad(all(params, "armVersion"), ARM_ROWS), pad(all(params, "armPercent"), ARM_ROWS),
                pad(all(params, "step"), STEP_ROWS), first(params, "minDuration"), first(params, "minSample"),
                first(params, "relativeDrop"), first(params, "alpha"),
                params.getOrDefault("autoAdvance", List.of()).contains("true"));
    }

    /** What the service gets: the arms for A/B/n, the steps for a rollout. */
    ExperimentForm toForm() {
        List<ExperimentForm.ArmForm> arms = new ArrayList<>();
        List<String> percents = new ArrayList<>();
        if (kind == ExperimentKind.AB) {
            for (int i = 0; i < armVersions.size(); i++) {
                String v = armVersions.get(i).strip();
                String p = i < armPercents.size() ? armPercents.get(i).strip() : "";
                if (!v.isEmpty() || !p.isEmpty()) {
                    arms.add(new ExperimentForm.ArmForm(version(v), p.isEmpty() ? null : p));
                }
            }
        } else {
            steps.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(percents::add);
        }
        return new ExperimentForm(name.strip(), kind, kind == ExperimentKind.ROLLOUT ? version(candidate) : null,
                arms, percents, blankToNull(minDuration), blankToNull(minSample), blankToNull(relativeDrop),
                blankToNull(alpha), autoAdvance);
    }

    /** A version number as typed or chosen; anything else is null (the service says to choose one). */
    static @Nullable Integer version(String raw) {
        String s = raw.strip();
        if (s.startsWith("v") || s.startsWith("V")) {
            s = s.substring(1);
        }
        try {
            int n = Integer.parseInt(s);
            return n >= 1 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s.strip();
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String v = params.getFirst(name);
        return v == null ? "" : v;
    }

    private static List<String> all(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
    }

    /** At least {@code rows} entries, empty ones added at the end; more are kept. */
    private static List<String> pad(List<String> values, int rows) {
        List<String> out = new ArrayList<>(values);
        while (out.size() < rows) {
            out.add("");
        }
        return List.copyOf(out);
    }
}
