package com.frontline.accounts.importing;

import java.time.Duration;

/** The moment the import must give up; checked between rows, so a slow or hostile file cannot hold a thread. */
final class Deadline {

    private final long endNanos;
    private final Duration budget;

    Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    void check() throws ImportRejectedException {
        if (System.nanoTime() - endNanos > 0) {
            throw new ImportRejectedException("Reading the file took longer than " + seconds()
                    + ", so it was stopped; split it into smaller files or remove unused sheets and columns.");
        }
    }

    private String seconds() {
        long millis = budget.toMillis();
        return millis >= 1000 ? (millis / 1000) + " s" : millis + " ms";
    }
}
