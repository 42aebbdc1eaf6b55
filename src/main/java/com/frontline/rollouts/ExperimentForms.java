package com.frontline.rollouts;

import com.frontline.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a new experiment's form against the workspace's versions and turns it into what is stored; every field with
 * a mistake gets a message (field keys: name, candidateVersion, arms, steps, minDuration, minSample, relativeDrop,
 * alpha). Pure code, no database.
 */
final class ExperimentForms {

    static final int MAX_NAME = 120;
    static final int MAX_ARMS = 6;
    static final int MAX_STEPS = 10;
    static final int MAX_MIN_DURATION_MINUTES = 10_080;
    static final int MIN_SAMPLE = 10;
    static final int MAX_SAMPLE = 1_000_000;
    static final List<String> DEFAULT_STEPS = List.of("10", "50", "100");
    /** The names of an A/B/n experiment's other arms, in the form's order. */
    private static final List<String> OTHER_ARMS = List.of("b", "c", "d", "e", "f");

    /**
     * A checked experiment.
     *
     * @param bucketOrder the arms as the split orders them (a rollout's candidate first, on 0 % until its gate passes)
     */
    record Checked(String name, ExperimentKind kind, int baselineVersion, List<ExperimentArm> bucketOrder,
                   List<PlanStep> plan, GuardSettings guard) {
    }

    private ExperimentForms() {
    }

    /**
     * @param live     the workspace's live version: the baseline
     * @param versions the workspace's version numbers
     * @throws InvalidInputException one message per field to fix
     */
    static Checked check(ExperimentForm form, int live, Set<Integer> versions) {
        return check(form, live, versions, GuardSettings.DEFAULTS.window());
    }

    /** @param window the guard window of new experiments ({@code frontline.rollouts.guard-window}) */
    static Checked check(ExperimentForm form, int live, Set<Integer> versions, Duration window) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.name().strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            errors.put("name", "Give it a name, for example “Claude for complex questions”.");
        } else if (name.length() > MAX_NAME) {
            errors.put("name", "Keep the name to " + MAX_NAME + " characters (this one has " + name.length() + ").");
        }
        Integer minutes = whole(form.minDurationMinutes(), 60, 0, MAX_MIN_DURATION_MINUTES, "minDuration",
                "Write the minimum duration of a step in whole minutes, from 0 to 10,080 (a week).", errors);
        Integer sample = whole(form.minSample(), 100, MIN_SAMPLE, MAX_SAMPLE, "minSample",
                "Write the minimum sample as a whole number of rated answers per arm, from 10 to 1,000,000.", errors);
        BigDecimal drop = decimal(form.relativeDropPercent(), new BigDecimal("5"), "relativeDrop",
                "Write the rollback threshold as a percentage above 0 and at most 50 (5 means: roll back when the "
                        + "candidate is 5 % worse).", errors);
        if (drop != null && (drop.signum() <= 0 || drop.compareTo(new BigDecimal("50")) > 0)) {
            errors.put("relativeDrop", "The rollback threshold must be above 0 % and at most 50 %.");
            drop = null;
        }
        BigDecimal alpha = decimal(form.alpha(), new BigDecimal("0.05"), "alpha",
                "Write the significance level as a number from 0.001 to 0.2 (0.05 means 95 % confidence).", errors);
        if (alpha != null && (alpha.compareTo(new BigDecimal("0.001")) < 0 || alpha.compareTo(new BigDecimal("0.2")) > 0)) {
            errors.put("alpha", "The significance level must be from 0.001 to 0.2 (0.05 means 95 % confidence).");
            alpha = null;
        }

        List<ExperimentArm> arms = form.kind() == ExperimentKind.ROLLOUT
                ? rolloutArms(form.candidateVersion(), live, versions, errors)
                : abArms(form.arms(), live, versions, errors);
        List<PlanStep> plan = List.of();
        if (form.kind() == ExperimentKind.ROLLOUT && minutes != null && sample != null) {
            plan = steps(form.stepPercents(), Duration.ofMinutes(minutes), sample, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        GuardSettings guard = new GuardSettings(GuardMetric.HELPFUL_RATE.label(), drop.movePointLeft(2).doubleValue(),
                alpha.doubleValue(), window, sample, form.autoAdvance());
        try {
            guard.config();
        } catch (InvalidPlanException e) {
            throw InvalidInputException.of(e.field().equals("level") ? "alpha" : e.field(), e.getMessage());
        }
        return new Checked(name, form.kind(), live, arms, plan, guard);
    }

    /** The candidate first (on 0 % while the offline gate runs), then the live version as the baseline. */
    private static List<ExperimentArm> rolloutArms(@Nullable Integer candidate, int live, Set<Integer> versions,
                                                   Map<String, String> errors) {
        if (candidate == null) {
            errors.put("candidateVersion", "Choose the version to roll out.");
        } else if (!versions.contains(candidate)) {
            errors.put("candidateVersion", "This workspace has no version " + candidate + ".");
        } else if (candidate == live) {
            errors.put("candidateVersion", "Version " + live + " is live already, so there is no baseline to roll it "
                    + "out against: choose another version" + (versions.size() < 2
                    ? ", after publishing one on the Versions page." : "."));
        } else {
            return List.of(new ExperimentArm(ExperimentArm.CANDIDATE, candidate, 0),
                    new ExperimentArm(ExperimentArm.BASELINE, live, Split.TOTAL));
        }
        return List.of();
    }

    private static List<ExperimentArm> abArms(List<ExperimentForm.ArmForm> form, int live, Set<Integer> versions,
                                              Map<String, String> errors) {
        List<ExperimentForm.ArmForm> given = form.stream()
                .filter(a -> a.version() != null || (a.percent() != null && !a.percent().isBlank()))
                .toList();
        if (given.size() < 2) {
            errors.put("arms", "An A/B experiment needs at least two arms: the live version, v" + live
                    + ", and a version to compare with it.");
            return List.of();
        }
        if (given.size() > MAX_ARMS) {
            errors.put("arms", "At most " + MAX_ARMS + " arms; each arm needs enough traffic for a verdict.");
            return List.of();
        }
        Set<Integer> seen = new HashSet<>();
        List<ArmShare> shares = new ArrayList<>();
        for (ExperimentForm.ArmForm a : given) {
            Integer version = a.version();
            if (version == null) {
                errors.put("arms", "Choose a version for every arm.");
                return List.of();
            }
            if (!versions.contains(version)) {
                errors.put("arms", "This workspace has no version " + version + ".");
                return List.of();
            }
            if (!seen.add(version)) {
                errors.put("arms", "Version " + version + " appears twice; give each version one arm.");
                return List.of();
            }
            BigDecimal percent = percent(a.percent());
            if (percent == null) {
                errors.put("arms", "Write the share of v" + version + " as a percentage from 0 to 100 with at most "
                        + "two decimals (12.5).");
                return List.of();
            }
            if (percent.signum() <= 0) {
                errors.put("arms", "Give v" + version + " a share above 0 %, or leave the arm out.");
                return List.of();
            }
            try {
                shares.add(ArmShare.ofPercent("v" + version, percent));
            } catch (InvalidSplitException e) {
                errors.put("arms", e.getMessage());
                return List.of();
            }
        }
        try {
            new Split(shares);
        } catch (InvalidSplitException e) {
            errors.put("arms", e.getMessage());
            return List.of();
        }
        if (!seen.contains(live)) {
            errors.put("arms", "One arm must be the live version, v" + live + ": it is the baseline the other arms "
                    + "are compared with.");
            return List.of();
        }
        List<ExperimentArm> arms = new ArrayList<>();
        int other = 0;
        for (int i = 0; i < given.size(); i++) {
            int version = given.get(i).version();
            String armName = version == live ? ExperimentArm.BASELINE : OTHER_ARMS.get(other++);
            arms.add(new ExperimentArm(armName, version, shares.get(i).basisPoints()));
        }
        return arms;
    }

    private static List<PlanStep> steps(List<String> given, Duration minDuration, int minSample,
                                        Map<String, String> errors) {
        List<String> raw = given.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (raw.isEmpty()) {
            raw = DEFAULT_STEPS;
        }
        if (raw.size() > MAX_STEPS) {
            errors.put("steps", "At most " + MAX_STEPS + " steps.");
            return List.of();
        }
        List<PlanStep> steps = new ArrayList<>();
        try {
            for (String s : raw) {
                BigDecimal p = percent(s);
                if (p == null) {
                    errors.put("steps", "“" + s.strip() + "” is not a percentage: write the steps as percentages "
                            + "from 0 to 100, such as 10, 50, 100.");
                    return List.of();
                }
                steps.add(new PlanStep(ArmShare.ofPercent("candidate", p).basisPoints(), minDuration, minSample));
            }
            new RolloutPlan(steps, RolloutPlan.Mode.AUTOMATIC);
        } catch (InvalidPlanException | InvalidSplitException e) {
            errors.put("steps", e.getMessage());
            return List.of();
        }
        if (steps.size() < 2) {
            errors.put("steps", "Start below 100 %, so that the guard can compare the candidate with the baseline "
                    + "before everyone gets it (for example 10, 50, 100).");
            return List.of();
        }
        return steps;
    }

    /** A percentage from 0 to 100 with at most two decimals ("12.5", "12,5 %"), or null. */
    static @Nullable BigDecimal percent(@Nullable String raw) {
        BigDecimal p = number(raw == null ? null : raw.replace("%", ""));
        if (p == null || p.signum() < 0 || p.compareTo(new BigDecimal(100)) > 0 || p.stripTrailingZeros().scale() > 2) {
            return null;
        }
        return p;
    }

    private static @Nullable Integer whole(@Nullable String raw, int fallback, int min, int max, String field,
                                           String message, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        BigDecimal n = number(raw.replace(",", "").replace("_", ""));
        if (n == null || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(min)) < 0
                || n.compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.put(field, message);
            return null;
        }
        return n.intValueExact();
    }

    private static @Nullable BigDecimal decimal(@Nullable String raw, BigDecimal fallback, String field,
                                                String message, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        BigDecimal n = number(raw.replace("%", ""));
        if (n == null) {
            errors.put(field, message);
        }
        return n;
    }

    private static @Nullable BigDecimal number(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip().replace('\u00a0', ' ').replace(" ", "");
        if (s.indexOf(',') >= 0 && s.indexOf('.') < 0) {
            s = s.replace(',', '.');
        }
        if (s.isEmpty() || s.length() > 20 || !s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return null;
        }
        return new BigDecimal(s.toLowerCase(Locale.ROOT));
    }
}
