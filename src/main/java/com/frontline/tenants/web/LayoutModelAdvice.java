package com.frontline.tenants.web;

import com.frontline.identity.FrontlinePrincipal;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.WorkspaceSummary;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** What the page layout shows on every screen: the signed-in user, their workspaces and the current one. */
@ControllerAdvice
class LayoutModelAdvice {

    private final TenantService tenants;

    LayoutModelAdvice(TenantService tenants) {
        this.tenants = tenants;
    }

    @ModelAttribute("currentUser")
    @Nullable FrontlinePrincipal currentUser() {
        return TenantAccessInterceptor.currentUser();
    }

    @ModelAttribute("workspaces")
    List<WorkspaceSummary> workspaces(HttpServletRequest request) {
        FrontlinePrincipal user = TenantAccessInterceptor.currentUser();
        // Fragments swapped by htmx do not render the switcher: skip the query.
        if (user == null || ("true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-Boosted")))) {
            return List.of();
        }
        return tenants.workspacesOf(user.userId());
    }

    @ModelAttribute("tenant")
    @Nullable Object tenant(HttpServletRequest request) {
        return request.getAttribute(TenantAccessInterceptor.ATTRIBUTE);
    }
}
