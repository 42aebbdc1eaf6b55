package com.frontline.insights;

import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A knowledge article drafted from a cluster, with its validation report.
 *
 * @param method    how the text was written ({@link DraftWriter#EXTRACTIVE}: sentences copied from the sources)
 * @param questions the cluster's questions it answers (redacted), asked again once it is saved
 */
public record ArticleDraft(UUID id, UUID clusterId, String clusterLabel, String title, String body, String method,
                           Status status, List<Check> report, List<String> questions, @Nullable UUID documentId,
                           OffsetDateTime createdAt, @Nullable OffsetDateTime savedAt) {

    public ArticleDraft {
        report = List.copyOf(report);
        questions = List.copyOf(questions);
    }

    public enum Status {
        VALIDATED, REJECTED, SAVED
    }

    /** One validation check: its name, whether it passed, and why. */
    public record Check(String name, boolean passed, String detail) {
    }
}
