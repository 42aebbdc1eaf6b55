package com.frontline.tenants.web;

import jakarta.servlet.http.HttpServletRequest;

/** A settings screen shown inside the onboarding wizard ({@code /setup/}) or on its own ({@code /settings/}). */
enum ScreenMode {
    SETUP, SETTINGS;

    static ScreenMode of(HttpServletRequest request) {
        return request.getRequestURI().contains("/setup/") ? SETUP : SETTINGS;
    }

    public boolean isSetup() {
        return this == SETUP;
    }
}
