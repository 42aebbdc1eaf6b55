package com.frontline.alerts;

import java.util.UUID;

/**
 * What {@link Alerts#raise} did: raised a new alert (delivered in the app, by e-mail and webhook), or counted a
 * repeat on the alert of the same kind and key raised within the throttle window.
 *
 * @param alertId the new alert, or the one the repeat was counted on
 * @param repeats the repeats counted on that alert so far (0 for a new one)
 */
public record RaiseResult(UUID alertId, boolean raised, int repeats) {

    public boolean throttled() {
        return !raised;
    }
}
