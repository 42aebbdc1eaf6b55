package com.frontline.identity.web;

import com.frontline.identity.SignInThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;

@Controller
class LoginController {

    private final ObjectProvider<ClientRegistrationRepository> clients;

    LoginController(ObjectProvider<ClientRegistrationRepository> clients) {
        this.clients = clients;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        model.addAttribute("providers", providers());
        HttpSession session = request.getSession(false);
        if (request.getParameter("oauthError") != null && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e) {
            model.addAttribute("oauthError", e.getMessage());
        }
        if (request.getParameter("error") != null && session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof SignInThrottledException e) {
            model.addAttribute("throttled", e.getMessage());
        }
        return "identity/login";
    }

    record Provider(String id, String name) {
    }

    private List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (clients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object o : registrations) {
                if (o instanceof ClientRegistration r) {
                    providers.add(new Provider(r.getRegistrationId(), r.getClientName()));
                }
            }
        }
        return providers;
    }
}
