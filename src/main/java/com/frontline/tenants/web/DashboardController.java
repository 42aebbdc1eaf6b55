package com.frontline.tenants.web;

import com.frontline.audit.AuditLog;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Plurals;
import com.frontline.shared.PortalProperties;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import com.frontline.tenants.Branding;
import com.frontline.tenants.Invitation;
import com.frontline.tenants.Persona;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.WidgetSettings;
import com.frontline.tenants.Workspace;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** The workspace home: what is set up, what is missing, and the widget snippet. */
@Controller
class DashboardController {

    private final TenantService tenants;
    private final TeamService team;
    private final AuditLog audit;
    private final PortalProperties portal;

    DashboardController(TenantService tenants, TeamService team, AuditLog audit, PortalProperties portal) {
        this.tenants = tenants;
        this.team = team;
        this.audit = audit;
        this.portal = portal;
    }

    record ChecklistItem(String label, String detail, boolean done, String href) {
    }

    @GetMapping("/w/{slug}")
    @RequiresRole(Role.VIEWER)
    String dashboard(CurrentTenant tenant, Model model) {
        Workspace workspace = tenants.workspace(tenant.id());
        Persona persona = tenants.persona(tenant.id());
        Branding branding = tenants.branding(tenant.id());
        WidgetSettings widget = tenants.widget(tenant.id());
        int members = team.members(tenant.id()).size();
        long pendingInvites = team.invitations(tenant.id()).stream()
                .filter(i -> i.status() == Invitation.Status.PENDING).count();
        String settings = "/w/" + tenant.slug() + "/settings/";
        // one item per wizard step, so that the overview counts the steps the wizard has
        List<ChecklistItem> checklist = SetupStep.ALL.stream().map(step -> switch (step) {
            case WORKSPACE -> new ChecklistItem(step.label(), workspace.name() + " · " + workspace.sector(), true,
                    settings + "workspace");
            case PERSONA -> new ChecklistItem(step.label(), persona.assistantName() + " · " + persona.tone().label()
                    + " tone", tenants.personaReviewed(tenant.id())
                    || !persona.equals(Persona.defaultsFor(workspace.name())), settings + "persona");
            case BRANDING -> new ChecklistItem(step.label(), branding.hasLogo() ? "Logo and colour set"
                    : "Add your logo", branding.hasLogo(), settings + "branding");
            case WIDGET -> new ChecklistItem(step.label(), widget.allowedOrigins().isEmpty()
                    ? "Add the websites allowed to show the widget"
                    : Plurals.of(widget.allowedOrigins().size(), "allowed website"),
                    !widget.allowedOrigins().isEmpty(), settings + "widget");
            case TEAM -> new ChecklistItem(step.label(), Plurals.of(members, "member") + ", "
                    + Plurals.of(pendingInvites, "pending invitation"), members > 1 || pendingInvites > 0,
                    settings + "team");
        }).toList();
        model.addAttribute("workspace", workspace);
        model.addAttribute("persona", persona);
        model.addAttribute("branding", branding);
        model.addAttribute("checklist", checklist);
        model.addAttribute("doneCount", checklist.stream().filter(ChecklistItem::done).count());
        model.addAttribute("snippet", "<script src=\"" + SettingsController.baseUrl(portal)
                + "/widget.js\" data-key=\"" + widget.publicKey() + "\" async></script>");
        model.addAttribute("recent", tenant.can(Role.ADMIN) ? audit.recent(tenant.id(), null, null).stream()
                .limit(6).toList() : List.of());
        model.addAttribute("section", "dashboard");
        return "tenants/dashboard";
    }
}
