package com.frontline.assistants;

import com.frontline.shared.TenantId;

import java.util.OptionalInt;

/**
 * Picks the version a website visitor's next answer comes from, for example an experiment's arm. When a bean of this
 * type returns a version number, the widget answers with it; with no bean, an empty result, or a number the workspace
 * does not have, the live version answers. Called once per widget answer: keep it fast and free of side effects.
 */
public interface VersionSelector {

    /** @param visitorKey the widget's anonymous visitor id (stable for a visitor across conversations) */
    OptionalInt select(TenantId tenant, String visitorKey);
}
