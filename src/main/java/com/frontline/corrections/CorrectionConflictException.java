package com.frontline.corrections;

import com.frontline.shared.UserFacingException;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Someone changed the correction after the form was shown (optimistic locking), or its state no longer allows the
 * action. Nothing was changed; the message says who did what and when.
 */
public class CorrectionConflictException extends UserFacingException {

    CorrectionConflictException(String message) {
        super(message);
    }

    /**
     * Refuses an action unless the form's version is the stored one and the state allows it.
     *
     * @throws CorrectionConflictException with a message for the reviewer
     */
    static void check(Correction current, int formVersion, ReviewAction action, OffsetDateTime now) {
        if (current.version() != formVersion) {
            throw changedMeanwhile(current, now);
        }
        if (!action.from().contains(current.status())) {
            throw new CorrectionConflictException(switch (current.status()) {
                case APPROVED -> "This correction is already approved"
                        + (action == ReviewAction.REJECT ? "; retire it instead to stop it answering." : ".");
                case REJECTED -> "This correction was rejected; a rejected correction cannot be "
                        + action.pastTense() + ". Write a new one instead.";
                case RETIRED -> "This correction was retired; write a new one instead.";
                case PENDING -> "Only an approved correction can be retired.";
            });
        }
    }

    /** "Sam approved this 1 minute ago; reload the page to see the current version." */
    static CorrectionConflictException changedMeanwhile(Correction current, OffsetDateTime now) {
        return new CorrectionConflictException(current.lastActor() + " " + current.lastAction() + " this "
                + Ages.words(Duration.between(current.updatedAt(), now))
                + " ago; reload the page to see the current version. Nothing was changed.");
    }
}
