package com.frontline.shared.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.accounts.AccountsService;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatService;
import com.frontline.chat.FeedbackReviewFixture;
import com.frontline.knowledge.KnowledgeService;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.tenants.TeamService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every GET page of the app (found from the handler mappings, so a page added later is swept without editing this
 * test), requested the four ways a browser does: a plain request, a boosted link (htmx swaps the whole body), the back
 * button restoring a page htmx no longer has, and a targeted htmx request for one region. The first three must get
 * the whole portal page (one {@code <html>}, one sidebar or focus header); the targeted one a fragment without the
 * layout. Nothing may answer 5xx. Path variables get real rows of a seeded workspace.
 */
@IntegrationTest
class PageOrFragmentSweepTest {

    /** GET routes that are not portal pages, and why. Checked to exist, so the list cannot go stale. */
    static final Map<String, String> NOT_PAGES = Map.of(
            "/error", "Spring Boot's error endpoint; error pages are checked through real failures",
            "/widget/frame", "the chat panel inside the website widget's iframe: its own document, no portal",
            "/w/{slug}/widget/preview", "a sample website page showing the widget, no portal",
            "/w/{slug}/accounts/templates/{kind}", "download",
            "/w/{slug}/accounts/uploads/{uploadId}/report.csv", "download",
            "/w/{slug}/knowledge/{documentId}/versions/{version}/file", "download",
            "/w/{slug}/logo", "image");

    enum Kind {
        PLAIN, BOOSTED, HISTORY_RESTORE, TARGETED
    }

    record Route(String pattern, HandlerMethod handler) {
        boolean htmxOnly() {
            return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), HxRequest.class);
        }
    }

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired KnowledgeService knowledge;
    @Autowired AccountsService accountsService;
    @Autowired ChatService chat;
    @Autowired TeamService team;
    @Autowired com.frontline.evaluation.EvaluationService evaluation;
    @Autowired DSLContext dsl;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired com.frontline.corrections.CorrectionService corrections;
    @Autowired com.frontline.assistants.AssistantVersions versions;
    @Autowired com.frontline.rollouts.Rollouts rollouts;

    TestAccounts.Account alice;
    final Map<String, String> values = new HashMap<>();

    @BeforeEach
    void seededWorkspace() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        CurrentTenant tenant = accounts.asMember(alice, accounts.workspace(alice, "Sweep Co"));
        values.put("slug", tenant.slug());
        values.put("documentId", knowledge.addText(tenant, "Returns policy",
                "You can return any item within 30 days of delivery.", Visibility.PUBLIC).documentId().toString());
        var confirmed = accountsService.validate(tenant, "kpis.csv", """
                account_name,kpi_name,value,category,weight,impact_level
                Acme Corp,NPS,45%,Engagement,2,High
                """.getBytes(StandardCharsets.UTF_8));
        accountsService.confirm(tenant, confirmed.id());
        values.put("accountId", accountsService.overview(tenant.id()).getFirst().id().toString());
        values.put("uploadId", accountsService.validate(tenant, "more.csv", """
                account_name,kpi_name,value,category,weight,impact_level
                Globex,NPS,30%,Engagement,1,High
                """.getBytes(StandardCharsets.UTF_8)).id().toString());
        var conversation = chat.start(tenant.id(), Channel.WIDGET, "visitor:sweep");
        chat.ask(tenant.id(), conversation.id(), "I want to talk to a human please");
        values.put("conversationId", conversation.id().toString());
        values.put("messageId", new FeedbackReviewFixture(dsl).insert(tenant.id(), FeedbackReviewFixture.answer())
                .toString());
        String link = team.invite(tenant, "carol-" + UUID.randomUUID() + "@example.com", Role.AGENT,
                "http://localhost").link();
        values.put("token", link.substring(link.lastIndexOf('/') + 1));
        values.put("correctionId", corrections.create(tenant, new com.frontline.corrections.CorrectionForm(
                "Can I return a gift?", "Yes, within 60 days.", null, null), null).id().toString());
        evaluation.upload(tenant, "cases.csv", "question,expected_answer\nCan I return?,Within 30 days.\n"
                .getBytes(StandardCharsets.UTF_8));
        values.put("runId", evaluation.start(tenant).id().toString());
        values.put("number", "1"); // the workspace's first assistant version, made on first use
        // a rollout of version 2 (published, not live), for its page and its rollback confirmation
        versions.liveVersion(tenant.id());
        chat.updateSettings(tenant, "70", false, null);
        versions.publish(tenant, "Sweep", false);
        values.put("experimentId", rollouts.create(tenant, new com.frontline.rollouts.ExperimentForm("Sweep rollout",
                com.frontline.rollouts.ExperimentKind.ROLLOUT, 2, List.of(), List.of("10", "50", "100"), "60", "100",
                "5", "0.05", true)).id().toString());
        // a knowledge-gap cluster, as the clustering job writes it, for its page
        UUID cluster = UUID.randomUUID();
        dsl.execute("""
                insert into insights.clusters (tenant_id, id, label, terms, volume, this_week, last_week, weekly)
                values (?, ?, 'Where is my parcel?', array['parcel', 'where'], 6, 4, 2, array[0,0,0,0,0,0,2,4])""",
                tenant.id().value(), cluster);
        values.put("clusterId", cluster.toString());
    }

    List<Route> pageRoutes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod handler = e.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            boolean rendersView = !AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ResponseBody.class)
                    && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
                    && !ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType());
            boolean producesHtml = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .allMatch(MediaType.TEXT_HTML::isCompatibleWith);
            for (String pattern : info.getPatternValues()) {
                if (rendersView && producesHtml && !NOT_PAGES.containsKey(pattern)) {
                    routes.add(new Route(pattern, handler));
                }
            }
        }
        return routes;
    }

    String url(String pattern) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pattern);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            assertThat(value).as("a seeded value for {%s} in %s (add one in seededWorkspace)", m.group(1), pattern)
                    .isNotNull();
            m.appendReplacement(url, value);
        }
        return m.appendTail(url).toString();
    }

    MockHttpServletRequestBuilder request(String url, Kind kind) {
        MockHttpServletRequestBuilder request = get(url).session(alice.session());
        return switch (kind) {
            case PLAIN -> request;
            case BOOSTED -> request.header("HX-Request", "true").header("HX-Boosted", "true")
                    .header("HX-Current-URL", "http://localhost/");
            case HISTORY_RESTORE -> request.header("HX-Request", "true").header("HX-History-Restore-Request", "true")
                    .header("HX-Current-URL", "http://localhost" + url);
            case TARGETED -> request.header("HX-Request", "true").header("HX-Target", "region")
                    .header("HX-Current-URL", "http://localhost" + url);
        };
    }

    /** The document's head: charts' SVG {@code <title>}s (tooltips) in the body are not the page's title. */
    static String head(String html) {
        int end = html.indexOf("</head>");
        return end < 0 ? html : html.substring(0, end);
    }

    static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void theSweepCoversTheAppsPages() {
        Set<String> patterns = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> patterns.addAll(info.getPatternValues()));
        assertThat(patterns).as("every route named in NOT_PAGES exists").containsAll(NOT_PAGES.keySet());
        assertThat(pageRoutes()).extracting(Route::pattern).contains("/w/{slug}/inbox", "/w/{slug}/inbox/{conversationId}",
                "/w/{slug}/audit", "/w/{slug}/knowledge/{documentId}", "/w/{slug}/playground", "/login")
                .hasSizeGreaterThan(25);
    }

    @Test
    void everyPageIsWholeForPlainBoostedAndHistoryRequestsAndAFragmentForTargetedOnes() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : pageRoutes()) {
            String url = url(route.pattern());
            for (Kind kind : Kind.values()) {
                if (route.htmxOnly() && kind != Kind.TARGETED) {
                    continue; // an htmx-only region (@HxRequest), such as the onboarding address check
                }
                MockHttpServletResponse response = mvc.perform(request(url, kind)).andReturn().getResponse();
                String what = kind + " GET " + url + " → " + response.getStatus();
                HttpStatus status = HttpStatus.valueOf(response.getStatus());
                if (status.is5xxServerError() || status.is4xxClientError()) {
                    problems.add(what);
                    continue;
                }
                if (status.is3xxRedirection()) {
                    if (response.getRedirectedUrl() == null && response.getHeader("HX-Redirect") == null
                            && response.getHeader("HX-Location") == null) {
                        problems.add(what + " without a target");
                    }
                    continue;
                }
                String body = response.getContentAsString(StandardCharsets.UTF_8);
                int html = count(body, "<html");
                int layouts = count(body, "<aside class=\"sidebar\"") + count(body, "<header class=\"focus-header\"");
                if (kind == Kind.TARGETED) {
                    if (html != 0 || layouts != 0 || body.isBlank()) {
                        problems.add(what + ": expected a fragment without the layout, got " + html + " <html>, "
                                + layouts + " sidebars/headers, " + body.length() + " chars");
                    }
                } else if (html != 1 || layouts != 1 || count(head(body), "<title>") != 1) {
                    problems.add(what + ": expected one whole page, got " + html + " <html>, " + layouts
                            + " sidebars/headers");
                }
                if (body.contains("=\"null")) {
                    problems.add(what + ": an address or attribute rendered as \"null\" (a variable the region "
                            + "takes from the page around it)");
                }
                if (!route.htmxOnly() && !String.valueOf(response.getHeaders(HttpHeaders.VARY)).contains("HX-Request")) {
                    problems.add(what + ": no Vary: HX-Request (a cache could serve the fragment as the page)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMissingPageIsAMessageWhereTheUserIsOrAWholeErrorPageWhenTheBackButtonAsks() throws Exception {
        String missing = url("/w/{slug}/knowledge/") + UUID.randomUUID();
        MockHttpServletResponse boosted = mvc.perform(request(missing, Kind.BOOSTED)).andReturn().getResponse();
        assertThat(boosted.getStatus()).isEqualTo(404);
        assertThat(boosted.getHeader("HX-Retarget")).isEqualTo("#flash");
        assertThat(boosted.getHeader("HX-Push-Url")).as("the address bar keeps the page the user is on").isEqualTo("false");
        assertThat(boosted.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("<html");

        MockHttpServletResponse restored = mvc.perform(request(missing, Kind.HISTORY_RESTORE)).andReturn().getResponse();
        assertThat(restored.getStatus()).isEqualTo(404);
        assertThat(restored.getHeader("HX-Retarget")).isNull();
        assertThat(count(restored.getContentAsString(StandardCharsets.UTF_8), "<html")).isEqualTo(1);
    }
}
