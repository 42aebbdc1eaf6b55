package com.frontline.evaluation.web;

import com.frontline.evaluation.EvaluationRun;
import com.frontline.evaluation.RunStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The runs chart: finished runs only, oldest on the left, a missing total leaves a gap, 0–100 % top to bottom. */
class RunChartTest {

    static EvaluationRun run(int number, RunStatus status, Double answerRate, Double citationHit) {
        return new EvaluationRun(UUID.randomUUID(), number, status, null, null, 3, 3, answerRate, citationHit, 0.5,
                0, 0, "offline", "extractive", OffsetDateTime.now(), null);
    }

    @Test
    void drawsTheFinishedRunsOldestFirst() {
        RunChart chart = RunChart.of(List.of(run(3, RunStatus.RUNNING, null, null),
                run(2, RunStatus.DONE, 1.0, null), run(1, RunStatus.DONE, 0.5, 0.25)));

        assertThat(chart.ticks()).extracting(RunChart.Tick::label).containsExactly("#1", "#2");
        RunChart.Series answered = chart.series().getFirst();
        assertThat(answered.dots()).extracting(RunChart.Dot::y)
                .containsExactly(RunChart.y(50), RunChart.y(100));
        assertThat(answered.dots().getFirst().x()).isLessThan(answered.dots().get(1).x());
        assertThat(chart.series().get(1).dots()).singleElement()
                .satisfies(d -> assertThat(d.title()).isEqualTo("Run 1 · Citation hit: 25 %"));
        assertThat(RunChart.y(100)).isLessThan(RunChart.y(0));
    }

    @Test
    void isEmptyWithoutAFinishedRun() {
        assertThat(RunChart.of(List.of(run(1, RunStatus.FAILED, null, null))).empty()).isTrue();
    }
}
