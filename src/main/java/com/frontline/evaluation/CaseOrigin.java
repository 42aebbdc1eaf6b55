package com.frontline.evaluation;

/** Where a case of the evaluation set comes from. */
public enum CaseOrigin {
    /** An approved correction: kept up to date with its latest approved version, retired with it. */
    CORRECTION("Correction"),
    /** A row of a CSV file an admin uploaded: deleted by hand. */
    UPLOAD("Upload");

    private final String label;

    CaseOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
