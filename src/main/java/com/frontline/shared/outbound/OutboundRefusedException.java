package com.frontline.shared.outbound;

import java.net.UnknownHostException;

/**
 * An address the portal will not call. An {@link UnknownHostException}, so that an HTTP client's name resolution can
 * throw it and it reaches the caller unchanged; its message is written for the workspace admin and names no
 * resolved address.
 */
public class OutboundRefusedException extends UnknownHostException {

    public OutboundRefusedException(String reason) {
        super(reason);
    }

    /** What to tell the admin. */
    public String reason() {
        String message = getMessage();
        return message == null ? "That address cannot be used." : message;
    }
}
