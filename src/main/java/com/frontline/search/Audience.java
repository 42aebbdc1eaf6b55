package com.frontline.search;

/**
 * Who reads what a search finds. Every search names its audience (there is no default), and the index filters by it
 * where the tenant filter is built ({@code internal.ChunkRequests}), so a search for the website can never return an
 * internal passage, whatever its caller forgets.
 */
public enum Audience {

    /** Anonymous visitors of the workspace's website (the widget): {@link Visibility#PUBLIC} passages only. */
    VISITORS,

    /** The workspace's own people (playground, inbox, agent assist, admin pages): every passage. */
    TEAM;

    public boolean sees(Visibility visibility) {
        return this == TEAM || visibility == Visibility.PUBLIC;
    }
}
