package com.frontline.knowledge;

import com.frontline.search.Visibility;
import org.jspecify.annotations.Nullable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A document with the state of its newest version, for the Knowledge page.
 *
 * @param visibility who may read its passages: {@link Visibility#INTERNAL} ones are never quoted by the widget
 */
public record DocumentSummary(UUID id, String title, @Nullable String filename, String documentType, int liveVersion,
                              int latestVersion, DocumentStatus latestStatus, @Nullable String statusDetail,
                              @Nullable Integer chunkCount, long sizeBytes, OffsetDateTime updatedAt,
                              Visibility visibility) {

    public boolean internal() {
        return visibility == Visibility.INTERNAL;
    }

    /** The format as shown to users: "FAQ (CSV)", "Word (.docx)". */
    public String documentTypeLabel() {
        return com.frontline.knowledge.parsing.DocumentType.labelOf(documentType);
    }
}
