package com.frontline.evaluation;

/** An answer set that cannot be used: a missing file, a malformed line (named by its number), an absurd size. */
public class InvalidAnswerSetException extends RuntimeException {

    public InvalidAnswerSetException(String message) {
        super(message);
    }
}
