package com.frontline.accounts.importing;

/** The whole file was refused (wrong type, encrypted, too large…); nothing from it may be imported. */
public class ImportRejectedException extends Exception {

    private final String userMessage;

    public ImportRejectedException(String userMessage) {
        this(userMessage, null);
    }

    public ImportRejectedException(String userMessage, @org.jspecify.annotations.Nullable Throwable cause) {
        super(userMessage, cause);
        this.userMessage = userMessage;
    }

    /** One sentence for the uploader saying what is wrong and what to do. */
    public String userMessage() {
        return userMessage;
    }
}
