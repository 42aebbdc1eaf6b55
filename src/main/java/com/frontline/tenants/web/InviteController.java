package com.frontline.tenants.web;

import com.frontline.identity.AttemptThrottle;
import com.frontline.identity.FrontlinePrincipal;
import com.frontline.shared.Actor;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.UserFacingException;
import com.frontline.tenants.PendingInvitation;
import com.frontline.tenants.TeamService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
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
    private final AttemptThrottle throttle;

    InviteController(TeamService team, AttemptThrottle throttle) {
        this.team = team;
        this.throttle = throttle;
    }

    @GetMapping("/invites/{token}")
    String show(@PathVariable String token, @AuthenticationPrincipal @Nullable FrontlinePrincipal user, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        String account = user == null ? "" : user.email();
        if (refused(account, request, response, model)) {
            return "tenants/invite";
        }
        PendingInvitation invitation;
        try {
            invitation = team.preview(token);
        } catch (NotFoundException e) {
            // guessing links: an unknown token counts against the address (and the signed-in account)
            throttle.failed(AttemptThrottle.Kind.INVITE, account, request.getRemoteAddr());
            throw e;
        }
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
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        if (user == null) {
            return "redirect:/login";
        }
        if (refused(user.email(), request, response, model)) {
            return "tenants/invite";
        }
        try {
            String slug = team.accept(token, new Actor(user.userId(), user.email()));
            throttle.succeeded(AttemptThrottle.Kind.INVITE, user.email());
            redirect.addFlashAttribute("notice", "Welcome to the team!");
            return "redirect:/w/" + slug;
        } catch (NotFoundException e) {
            throttle.failed(AttemptThrottle.Kind.INVITE, user.email(), request.getRemoteAddr());
            throw e;
        } catch (UserFacingException e) {
            throttle.failed(AttemptThrottle.Kind.INVITE, user.email(), request.getRemoteAddr());
            response.setStatus(409);
            model.addAttribute("invitation", team.preview(token));
            model.addAttribute("token", token);
            model.addAttribute("problem", e.getMessage());
            return "tenants/invite";
        }
    }

    /** Too many failed invite links from this account or address: the page says when to try again (429). */
    private boolean refused(String account, HttpServletRequest request, HttpServletResponse response, Model model) {
        var wait = throttle.refusal(AttemptThrottle.Kind.INVITE, account, request.getRemoteAddr());
        if (wait.isEmpty()) {
            return false;
        }
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.get().toSeconds())));
        model.addAttribute("problem", AttemptThrottle.message(wait.get()));
        return true;
    }
}
