package com.frontline.tenants.web;

import com.frontline.identity.FrontlinePrincipal;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.ForbiddenException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import com.frontline.tenants.TenantService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Resolves the workspace of every {@code /w/{slug}/...} request once: the slug names it, the signed-in user's
 * membership admits them (404 otherwise, so a stranger learns nothing), and the handler's {@link RequiresRole} sets
 * the least role (a handler without one needs OWNER: fail closed).
 */
@Component
class TenantAccessInterceptor implements HandlerInterceptor {

    static final String ATTRIBUTE = CurrentTenant.class.getName();
    static final String LAST_WORKSPACE = "frontline.lastWorkspace";

    private final TenantService tenants;

    TenantAccessInterceptor(TenantService tenants) {
        this.tenants = tenants;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String slug = variables == null ? null : variables.get("slug");
        if (slug == null) {
            throw new IllegalStateException("Workspace route without {slug}: " + method);
        }
        FrontlinePrincipal user = currentUser();
        if (user == null) {
            throw new NotFoundException("No signed-in user");
        }
        CurrentTenant tenant = tenants.resolve(user.userId(), user.email(), slug)
                .orElseThrow(() -> new NotFoundException("Workspace " + slug + " not found"));
        request.setAttribute(ATTRIBUTE, tenant);
        request.getSession().setAttribute(LAST_WORKSPACE, tenant.slug());
        MDC.put("tenant", tenant.slug());
        Role required = requiredRole(method);
        if (!tenant.can(required)) {
            throw new ForbiddenException(required);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        MDC.remove("tenant");
    }

    static Role requiredRole(HandlerMethod method) {
        RequiresRole annotation = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresRole.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresRole.class);
        }
        return annotation == null ? Role.OWNER : annotation.value();
    }

    static @Nullable FrontlinePrincipal currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof FrontlinePrincipal p ? p : null;
    }
}
