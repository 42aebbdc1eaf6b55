package com.frontline.tenants.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.shared.web.RequiresRole;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every workspace route the app has ({@code /w/{slug}/...}, found from the handler mappings, so a new route is
 * covered without editing this test) and proves that a member of workspace B gets 404 for each on workspace A.
 */
@IntegrationTest
class WorkspaceRouteIsolationTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    TestAccounts.Account alice;
    TestAccounts.Account bob;
    Workspace a;

    record Route(HttpMethod method, String pattern, HandlerMethod handler) {
    }

    @BeforeEach
    void twoWorkspaces() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        bob = accounts.signedIn(mvc, "bob");
        a = accounts.workspace(alice, "A Corp");
        accounts.workspace(bob, "B Corp");
    }

    List<Route> workspaceRoutes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.startsWith("/w/{slug}")) {
                    continue;
                }
                var methods = e.getKey().getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    routes.add(new Route(HttpMethod.GET, pattern, e.getValue()));
                }
                methods.forEach(m -> routes.add(new Route(HttpMethod.valueOf(m.name()), pattern, e.getValue())));
            }
        }
        return routes;
    }

    @Test
    void thereAreWorkspaceRoutesToCheck() {
        assertThat(workspaceRoutes()).hasSizeGreaterThan(15);
    }

    @Test
    void everyWorkspaceRouteDeclaresTheRoleItNeeds() {
        assertThat(workspaceRoutes()).allSatisfy(route -> assertThat(
                AnnotatedElementUtils.hasAnnotation(route.handler().getMethod(), RequiresRole.class)
                        || AnnotatedElementUtils.hasAnnotation(route.handler().getBeanType(), RequiresRole.class))
                .as("%s %s declares @RequiresRole", route.method(), route.pattern()).isTrue());
    }

    @Test
    void aMemberOfAnotherWorkspaceGets404OnEveryRoute() throws Exception {
        for (Route route : workspaceRoutes()) {
            String url = route.pattern().replace("{slug}", a.slug()).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            var request = route.pattern().endsWith("/logo") && route.method() == HttpMethod.POST
                    ? multipart(url).file(new MockMultipartFile("logo", "x.png", "image/png", new byte[]{1}))
                    : request(route.method(), url);
            int status = mvc.perform(request.session(bob.session()).with(csrf())).andReturn().getResponse().getStatus();
            assertThat(status).as("%s %s as a stranger", route.method(), url).isEqualTo(404);
        }
    }

    @Test
    void theOwnerReachesTheSameRoutes() throws Exception {
        for (Route route : workspaceRoutes()) {
            // routes naming a row ({documentId} …) need a real one; the stranger test above covers them
            if (route.method() != HttpMethod.GET || route.pattern().contains("/logo")
                    || route.pattern().replace("{slug}", "").contains("{")) {
                continue;
            }
            String url = route.pattern().replace("{slug}", a.slug());
            int status = mvc.perform(request(HttpMethod.GET, url).session(alice.session())).andReturn().getResponse()
                    .getStatus();
            assertThat(status).as("GET %s as the owner", url).isEqualTo(200);
        }
    }
}
