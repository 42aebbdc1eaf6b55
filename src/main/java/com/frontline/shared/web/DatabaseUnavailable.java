package com.frontline.shared.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached or no connection was free in time (PostgreSQL restarting,
 * the pool exhausted under load), as opposed to a bug: such requests answer 503 with a "try again" message, quickly,
 * rather than a generic error.
 */
public final class DatabaseUnavailable {

    /** How long a client is asked to wait before trying again, in seconds. */
    public static final String RETRY_AFTER_SECONDS = "5";
    public static final String MESSAGE = "Frontline cannot reach its database right now (it may be restarting or very "
            + "busy). Nothing was half-saved; please try again in a few seconds.";

    private DatabaseUnavailable() {
    }

    /** True when the cause chain holds a refused or timed-out connection (SQL state class 08, or the pool's wait). */
    public static boolean is(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
