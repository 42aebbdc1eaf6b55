package com.frontline.assistants;

import com.frontline.shared.CurrentTenant;
import com.frontline.shared.TenantId;

/**
 * The draft's confidence threshold, which the chat module keeps with its other settings (Settings → Handoff). The
 * chat module depends on this one (it answers with a version), so it plugs its setting in here instead of this module
 * calling it.
 */
public interface ConfidenceThresholdSetting {

    /** The saved threshold, a share from 0 to 1. */
    double confidenceThreshold(TenantId tenant);

    /** Saves the threshold (restoring a version), audited like a change on the settings page. */
    void restoreConfidenceThreshold(CurrentTenant admin, double threshold);
}
