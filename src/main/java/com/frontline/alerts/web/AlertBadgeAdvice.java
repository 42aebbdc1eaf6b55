package com.frontline.alerts.web;

import com.frontline.alerts.Alerts;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.shared.web.Views;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count beside "Alerts" in the sidebar: open alerts raised since the member last opened the list. Only
 * for whole pages of a workspace (a region swapped by htmx has no sidebar) and for members who can see alerts.
 */
@ControllerAdvice
class AlertBadgeAdvice {

    /** Where the workspace interceptor leaves the request's {@link CurrentTenant}. */
    static final String TENANT_ATTRIBUTE = CurrentTenant.class.getName();

    private final Alerts alerts;

    AlertBadgeAdvice(Alerts alerts) {
        this.alerts = alerts;
    }

    @ModelAttribute("alertsUnread")
    @Nullable Integer alertsUnread(HttpServletRequest request) {
        if (!(request.getAttribute(TENANT_ATTRIBUTE) instanceof CurrentTenant tenant) || !tenant.can(Role.AGENT)
                || Views.wantsFragment(request) || !"GET".equals(request.getMethod())) {
            return null;
        }
        return alerts.unread(tenant.id(), tenant.userId());
    }
}
