package com.frontline.tenants.web;

import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.PortalProperties;
import com.frontline.shared.Role;
import com.frontline.shared.UserFacingException;
import com.frontline.shared.web.RequiresRole;
import com.frontline.tenants.InvitationCreated;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.TenantService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/** Teammates and invitations: wizard step 5 and the Team settings page. */
@Controller
@RequiresRole(Role.ADMIN)
class TeamController {

    private final TeamService team;
    private final TenantService tenants;
    private final PortalProperties portal;

    TeamController(TeamService team, TenantService tenants, PortalProperties portal) {
        this.team = team;
        this.tenants = tenants;
        this.portal = portal;
    }

    @GetMapping({"/w/{slug}/setup/team", "/w/{slug}/settings/team"})
    String team(CurrentTenant tenant, Model model, HttpServletRequest request) {
        return page(tenant, model, ScreenMode.of(request), "", Role.AGENT, Map.of());
    }

    @PostMapping({"/w/{slug}/setup/team/invite", "/w/{slug}/settings/team/invite"})
    String invite(CurrentTenant tenant, @RequestParam(defaultValue = "") String email,
                  @RequestParam(required = false) @Nullable Role role, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        ScreenMode mode = ScreenMode.of(request);
        InvitationCreated created;
        try {
            created = team.invite(tenant, email, role, SettingsController.baseUrl(portal));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return page(tenant, model, mode, email, role == null ? Role.AGENT : role, e.errors());
        }
        redirect.addFlashAttribute("invited", created);
        return "redirect:" + base(tenant, mode);
    }

    @PostMapping({"/w/{slug}/setup/team/invitations/{id}/revoke", "/w/{slug}/settings/team/invitations/{id}/revoke"})
    String revoke(CurrentTenant tenant, @PathVariable UUID id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        team.revoke(tenant, id);
        redirect.addFlashAttribute("notice", "Invitation revoked; its link no longer works.");
        return "redirect:" + base(tenant, ScreenMode.of(request));
    }

    @PostMapping("/w/{slug}/settings/team/members/{userId}/role")
    String changeRole(CurrentTenant tenant, @PathVariable UUID userId, @RequestParam(required = false) @Nullable Role role,
                      RedirectAttributes redirect) {
        try {
            team.changeRole(tenant, userId, role);
            redirect.addFlashAttribute("notice", "Role changed.");
        } catch (UserFacingException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", message(e));
        }
        return "redirect:/w/" + tenant.slug() + "/settings/team";
    }

    @PostMapping("/w/{slug}/settings/team/members/{userId}/remove")
    String remove(CurrentTenant tenant, @PathVariable UUID userId, RedirectAttributes redirect) {
        try {
            team.remove(tenant, userId);
            if (userId.equals(tenant.userId())) {
                return "redirect:/";
            }
            redirect.addFlashAttribute("notice", "Member removed.");
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/w/" + tenant.slug() + "/settings/team";
    }

    /** The wizard's last step: mark onboarding done and open the dashboard. */
    @PostMapping("/w/{slug}/setup/finish")
    String finish(CurrentTenant tenant, RedirectAttributes redirect) {
        tenants.completeOnboarding(tenant);
        redirect.addFlashAttribute("notice", "Your workspace is ready.");
        return "redirect:/w/" + tenant.slug();
    }

    private String page(CurrentTenant tenant, Model model, ScreenMode mode, String email, Role role,
                        Map<String, String> errors) {
        model.addAttribute("members", team.members(tenant.id()));
        model.addAttribute("invitations", team.invitations(tenant.id()));
        model.addAttribute("email", email);
        model.addAttribute("selectedRole", role);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> r != Role.OWNER || tenant.can(Role.OWNER))
                .toList());
        return SettingsController.screen(model, mode, SetupStep.TEAM, "tenants/team");
    }

    private static String base(CurrentTenant tenant, ScreenMode mode) {
        return "/w/" + tenant.slug() + (mode.isSetup() ? "/setup" : "/settings") + "/team";
    }

    private static String message(RuntimeException e) {
        return e instanceof InvalidInputException invalid ? String.join(" ", invalid.errors().values())
                : e.getMessage();
    }
}
