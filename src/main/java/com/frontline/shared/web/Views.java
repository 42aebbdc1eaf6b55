package com.frontline.shared.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The portal boosts links and forms with htmx (whole-body swaps), and swaps smaller fragments for live bits such as
 * previews. A boosted request wants the full page; only a targeted htmx request wants the fragment.
 */
public final class Views {

    private Views() {
    }

    public static boolean wantsFragment(HtmxRequest htmx) {
        return htmx.isHtmxRequest() && !htmx.isBoosted() && !htmx.isHistoryRestoreRequest();
    }

    /** {@code page} for full-page and boosted requests, {@code page :: fragment} for targeted htmx requests. */
    public static String pageOrFragment(HtmxRequest htmx, String page, String fragment) {
        return wantsFragment(htmx) ? page + " :: " + fragment : page;
    }
}
