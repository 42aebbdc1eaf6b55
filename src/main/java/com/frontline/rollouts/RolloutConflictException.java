package com.frontline.rollouts;

import com.frontline.shared.UserFacingException;

/**
 * The experiment changed after the page was shown (a stale lock version: the guard rolled it back, someone advanced
 * it), or its state no longer allows the action. Nothing was changed; the message says what happened and when.
 */
public class RolloutConflictException extends UserFacingException {

    RolloutConflictException(String message) {
        super(message);
    }

    RolloutConflictException(String field, String message) {
        super(field, message);
    }
}
