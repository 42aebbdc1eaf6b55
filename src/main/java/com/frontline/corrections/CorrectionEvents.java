package com.frontline.corrections;

import com.frontline.shared.TenantId;
import org.jspecify.annotations.Nullable;

import java.util.UUID;

/** What the corrections module tells the rest of the app; each published in the transaction that made the change. */
public final class CorrectionEvents {

    private CorrectionEvents() {
    }

    /**
     * A correction (in the version shown) was approved: it answers matching questions from now on.
     *
     * @param version the approved version's number (1 for the first text, higher after edits)
     */
    public record CorrectionApproved(TenantId tenant, UUID correctionId, int version, String question, String answer,
                                     @Nullable String sourceUrl) {
    }

    /** An approved correction no longer answers (replaced by a newer approved version, or withdrawn). */
    public record CorrectionRetired(TenantId tenant, UUID correctionId) {
    }
}
