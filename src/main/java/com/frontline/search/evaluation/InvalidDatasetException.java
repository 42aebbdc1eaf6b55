package com.frontline.search.evaluation;

/** The data set folder cannot be used; the message says which file and line, and why. */
public class InvalidDatasetException extends IllegalArgumentException {

    public InvalidDatasetException(String message) {
        super(message);
    }
}
