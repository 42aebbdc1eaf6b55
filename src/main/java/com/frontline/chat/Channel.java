package com.frontline.chat;

/** Where a conversation takes place. */
public enum Channel {
    /** An admin or agent trying the assistant in the portal. */
    PLAYGROUND,
    /** An end customer on the workspace's website. */
    WIDGET
}
