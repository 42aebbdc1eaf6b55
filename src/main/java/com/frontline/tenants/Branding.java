package com.frontline.tenants;

import org.jspecify.annotations.Nullable;

/** {@code logoVersion} changes whenever the logo does, so its URL can be cached forever. */
public record Branding(String primaryColor, WidgetPosition widgetPosition, @Nullable String logoVersion) {

    public static final String DEFAULT_COLOR = "#4f46e5";

    public boolean hasLogo() {
        return logoVersion != null;
    }

    public String textColor() {
        return BrandColors.contrastText(primaryColor);
    }
}
