package com.frontline.rollouts;

import com.frontline.shared.UserFacingException;

/** A rollout plan or guard setting the engine cannot use; the field names the form field to fix. */
public class InvalidPlanException extends UserFacingException {

    InvalidPlanException(String field, String message) {
        super(field, message);
    }
}
