package com.frontline.rollouts;

import com.frontline.shared.UserFacingException;

/** A split the engine cannot use (shares not summing to 100 %, fewer than two arms, an arm twice); nothing changed. */
public class InvalidSplitException extends UserFacingException {

    InvalidSplitException(String message) {
        super("split", message);
    }
}
