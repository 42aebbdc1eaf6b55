package com.frontline.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's one page-or-fragment rule. Links and forms are boosted with htmx (whole-body swaps, sent with
 * {@code HX-Boosted}), the back button may ask for a page htmx no longer has ({@code HX-History-Restore-Request}),
 * and a few elements swap one region of a page (a targeted htmx request). Only a targeted request wants a fragment;
 * every other request wants the whole portal page.
 *
 * <p>Handlers do not decide this themselves: a GET handler returns {@code "module/page :: region"} when its page
 * has a swappable region, or just {@code "module/page"}, and {@link PageOrFragmentInterceptor} renders the whole
 * page, the region, or (for a targeted request to a page without one) the page's {@code <main>} without the layout.
 */
public final class Views {

    static final String FRAGMENT_SEPARATOR = "::";

    private Views() {
    }

    /** A targeted htmx request: not boosted, not a history restore. */
    public static boolean wantsFragment(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-Boosted"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /**
     * The view to render for a page template named by a handler ({@code page} or {@code page :: region}).
     * Views outside page templates (redirects, {@code fragments/…}) are returned unchanged.
     */
    static String resolve(String viewName, boolean fragmentWanted) {
        if (!isPage(viewName)) {
            return viewName;
        }
        int separator = viewName.indexOf(FRAGMENT_SEPARATOR);
        String page = separator < 0 ? viewName.strip() : viewName.substring(0, separator).strip();
        if (!fragmentWanted) {
            return page;
        }
        return separator < 0 ? page + " :: main" : viewName;
    }

    private static boolean isPage(String viewName) {
        return !viewName.startsWith("redirect:") && !viewName.startsWith("forward:")
                && !viewName.startsWith("fragments/") && !viewName.startsWith("error");
    }
}
