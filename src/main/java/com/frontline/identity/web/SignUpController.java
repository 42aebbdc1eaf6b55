package com.frontline.identity.web;

import com.frontline.identity.AttemptThrottle;
import com.frontline.identity.InvitedAddresses;
import com.frontline.identity.SignUpCmd;
import com.frontline.identity.UserAccount;
import com.frontline.identity.UserService;
import com.frontline.shared.UserFacingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

@Controller
class SignUpController {

    private final UserService users;
    private final AttemptThrottle throttle;
    private final UserDetailsService userDetails;
    private final SecurityContextRepository contexts;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final ObjectProvider<InvitedAddresses> invitations;

    SignUpController(UserService users, UserDetailsService userDetails, SecurityContextRepository contexts,
                     AttemptThrottle throttle, ObjectProvider<InvitedAddresses> invitations) {
        this.users = users;
        this.throttle = throttle;
        this.userDetails = userDetails;
        this.contexts = contexts;
        this.invitations = invitations;
    }

    record SignUpForm(String email, String displayName, String password, @Nullable String invite) {
        static SignUpForm empty() {
            return new SignUpForm("", "", "", null);
        }
    }

    /** From an invitation link ({@code ?invite=token}) the invited address is filled in and fixed. */
    @GetMapping("/signup")
    String form(@RequestParam(required = false) @Nullable String invite, Model model) {
        Optional<String> invited = invitedEmail(invite);
        model.addAttribute("form", invited.map(email -> new SignUpForm(email, "", "", invite))
                .orElse(SignUpForm.empty()));
        model.addAttribute("invitedEmail", invited.orElse(null));
        return "identity/signup";
    }

    @PostMapping("/signup")
    String signUp(@ModelAttribute("form") SignUpForm posted, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        // the invited address wins over whatever was posted: only it can accept the invitation
        Optional<String> invited = invitedEmail(posted.invite());
        SignUpForm form = invited.map(email -> new SignUpForm(email, posted.displayName(), posted.password(),
                posted.invite())).orElse(posted);
        model.addAttribute("invitedEmail", invited.orElse(null));
        UserAccount account;
        String address = request.getRemoteAddr();
        var wait = throttle.refusal(AttemptThrottle.Kind.SIGN_UP, form.email(), address);
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.get().toSeconds())));
            return refused(form, model, response, 429, "", AttemptThrottle.message(wait.get()));
        }
        try {
            account = users.signUp(new SignUpCmd(form.email(), form.displayName(), form.password()));
        } catch (UserFacingException e) {
            // a refused sign-up (address taken, weak password) counts: it is how accounts are discovered
            throttle.failed(AttemptThrottle.Kind.SIGN_UP, form.email(), address);
            return refused(form, model, response, 422, e.field(), e.getMessage());
        }
        signIn(account, request, response);
        // Back to where they were going (an invite link, typically), else to onboarding via the home page.
        SavedRequest saved = requestCache.getRequest(request, response);
        if (saved != null) {
            requestCache.removeRequest(request, response);
            return "redirect:" + saved.getRedirectUrl();
        }
        return "redirect:/";
    }

    private static String refused(SignUpForm form, Model model, HttpServletResponse response, int status, String field,
                                  String message) {
        model.addAttribute("form", new SignUpForm(form.email(), form.displayName(), "", form.invite()));
        model.addAttribute("errorField", field);
        model.addAttribute("error", message);
        response.setStatus(status);
        return "identity/signup";
    }

    private Optional<String> invitedEmail(@Nullable String token) {
        InvitedAddresses lookup = invitations.getIfAvailable();
        return token == null || lookup == null ? Optional.empty() : lookup.invitedEmail(token);
    }

    private void signIn(UserAccount account, HttpServletRequest request, HttpServletResponse response) {
        var principal = userDetails.loadUserByUsername(account.email());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation across the sign-up
        }
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
