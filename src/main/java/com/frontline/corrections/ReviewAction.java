package com.frontline.corrections;

import java.util.Set;

/** What a reviewer can do to a correction, from which states, and the state it leaves. */
enum ReviewAction {
    EDIT("edited", Set.of(CorrectionStatus.PENDING, CorrectionStatus.APPROVED), null),
    APPROVE("approved", Set.of(CorrectionStatus.PENDING), CorrectionStatus.APPROVED),
    REJECT("rejected", Set.of(CorrectionStatus.PENDING), CorrectionStatus.REJECTED),
    RETIRE("retired", Set.of(CorrectionStatus.APPROVED), CorrectionStatus.RETIRED);

    private final String pastTense;
    private final Set<CorrectionStatus> from;
    private final CorrectionStatus to;

    ReviewAction(String pastTense, Set<CorrectionStatus> from, CorrectionStatus to) {
        this.pastTense = pastTense;
        this.from = from;
        this.to = to;
    }

    String pastTense() {
        return pastTense;
    }

    Set<CorrectionStatus> from() {
        return from;
    }

    /** The state after the action; an edit keeps the state. */
    CorrectionStatus to(CorrectionStatus current) {
        return to == null ? current : to;
    }
}
