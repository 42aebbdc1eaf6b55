package com.frontline.search;

/**
 * Who may read a passage. Stored with each document (and its passages) in PostgreSQL and with each chunk in the
 * index; which {@link Audience} a search is for decides which visibilities it may return.
 */
public enum Visibility {

    /** Help content: anyone may read it, website visitors included. */
    PUBLIC,

    /** The workspace's own knowledge (account facts, internal notes): only its people see it, never the widget. */
    INTERNAL
}
