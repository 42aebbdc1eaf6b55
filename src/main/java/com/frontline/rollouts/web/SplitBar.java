package com.frontline.rollouts.web;

import com.frontline.rollouts.Experiment;
import com.frontline.rollouts.ExperimentArm;
import com.frontline.rollouts.ExperimentStatus;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The split in force as a bar: one segment per arm that gets traffic, as wide as its share, in the arm's colour
 * (baseline first, as in the charts), with the words under it for anyone who does not read colours.
 *
 * @param words "v3 90 % · v4 10 %"
 */
record SplitBar(List<Segment> segments, String words) {

    /**
     * @param css   {@code arm-0} (the baseline), {@code arm-1} …: the same colours as the chart
     * @param width the share in percent for the CSS width, with a dot as decimal separator
     */
    record Segment(String label, int version, int basisPoints, String percent, String css, String width) {
    }

    /**
     * The experiment's arms that get traffic (while it runs, or as it ended); without an experiment, or while its
     * gate decides, the live version alone.
     */
    static SplitBar of(@Nullable Experiment running, int liveVersion) {
        if (running == null || running.status() == ExperimentStatus.GATING
                || running.status() == ExperimentStatus.BLOCKED
                || running.arms().stream().noneMatch(a -> a.basisPoints() > 0)) {
            return new SplitBar(List.of(new Segment("v" + liveVersion + " live", liveVersion, 10_000, "100 %",
                    "arm-0", "100")), "v" + liveVersion + " 100 %");
        }
        List<Segment> segments = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<ExperimentArm> arms = running.arms();
        for (int i = 0; i < arms.size(); i++) {
            ExperimentArm a = arms.get(i);
            if (a.basisPoints() <= 0) {
                continue;
            }
            String percent = percent(a.basisPoints());
            segments.add(new Segment(RolloutChart.legend(a, i), a.version(), a.basisPoints(), percent, "arm-" + i,
                    BigDecimal.valueOf(a.basisPoints()).movePointLeft(2).stripTrailingZeros().toPlainString()));
            words.add("v" + a.version() + " " + percent);
        }
        return new SplitBar(segments, String.join(" · ", words));
    }

    /** 1,000 basis points → "10 %", 1,250 → "12.5 %". */
    static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints).movePointLeft(2).stripTrailingZeros().toPlainString() + " %";
    }
}
