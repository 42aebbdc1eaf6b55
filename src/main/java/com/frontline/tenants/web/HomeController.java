package com.frontline.tenants.web;

import com.frontline.identity.FrontlinePrincipal;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.WorkspaceSummary;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

@Controller
class HomeController {

    private final TenantService tenants;

    HomeController(TenantService tenants) {
        this.tenants = tenants;
    }

    /** Back to the workspace used last, else the first one, else onboarding for a brand-new user. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal FrontlinePrincipal user, HttpSession session) {
        List<WorkspaceSummary> workspaces = tenants.workspacesOf(user.userId());
        if (workspaces.isEmpty()) {
            return "redirect:/onboarding";
        }
        Object last = session.getAttribute(TenantAccessInterceptor.LAST_WORKSPACE);
        String slug = workspaces.stream().map(WorkspaceSummary::slug).filter(s -> s.equals(last)).findFirst()
                .orElse(workspaces.getFirst().slug());
        return "redirect:/w/" + slug;
    }
}
