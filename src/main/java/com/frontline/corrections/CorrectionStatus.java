package com.frontline.corrections;

/** Where a correction is in the approval queue. Only an approved one answers customers. */
public enum CorrectionStatus {
    PENDING("Pending"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    RETIRED("Retired");

    private final String label;

    CorrectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
