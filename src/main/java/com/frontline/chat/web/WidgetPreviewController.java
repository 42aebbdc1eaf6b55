package com.frontline.chat.web;

import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import com.frontline.tenants.TenantService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A sample web page with the workspace's real widget on it, for admins to try before they paste the snippet. The
 * portal's own address is not among the allowed websites, so the page hands the script a signed preview ticket that
 * lets the portal show this workspace's widget (and only on the portal's own pages).
 */
@Controller
@RequiresRole(Role.ADMIN)
class WidgetPreviewController {

    private final TenantService tenants;
    private final WidgetTokens tokens;

    WidgetPreviewController(TenantService tenants, WidgetTokens tokens) {
        this.tenants = tenants;
        this.tokens = tokens;
    }

    @GetMapping("/w/{slug}/widget/preview")
    String preview(CurrentTenant tenant, Model model) {
        model.addAttribute("widget", tenants.widget(tenant.id()));
        model.addAttribute("workspace", tenants.workspace(tenant.id()));
        model.addAttribute("ticket", tokens.preview(tenant.id()));
        return "widget/preview";
    }
}
