package com.frontline.tenants.web;

import com.frontline.identity.FrontlinePrincipal;
import com.frontline.shared.Actor;
import com.frontline.shared.UserFacingException;
import com.frontline.tenants.PendingInvitation;
import com.frontline.tenants.TeamService;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An invite link. Anyone may open it (it shows the workspace and role); accepting needs the invited address
 * signed in, and a stranger is sent to sign in or sign up first, then back here.
 */
@Controller
class InviteController {

    private final TeamService team;

    InviteController(TeamService team) {
        this.team = team;
    }

    @GetMapping("/invites/{token}")
    String show(@PathVariable String token, @AuthenticationPrincipal @Nullable FrontlinePrincipal user, Model model,
                jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) {
        PendingInvitation invitation = team.preview(token);
        model.addAttribute("invitation", invitation);
        model.addAttribute("token", token);
        if (user == null) {
            // Remember the link so that login or sign-up comes back here.
            new org.springframework.security.web.savedrequest.HttpSessionRequestCache().saveRequest(request, response);
        }
        return "tenants/invite";
    }

    @PostMapping("/invites/{token}")
    String accept(@PathVariable String token, @AuthenticationPrincipal @Nullable FrontlinePrincipal user, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        try {
            String slug = team.accept(token, new Actor(user.userId(), user.email()));
            redirect.addFlashAttribute("notice", "Welcome to the team!");
            return "redirect:/w/" + slug;
        } catch (UserFacingException e) {
            response.setStatus(409);
            model.addAttribute("invitation", team.preview(token));
            model.addAttribute("token", token);
            model.addAttribute("problem", e.getMessage());
            return "tenants/invite";
        }
    }
}
