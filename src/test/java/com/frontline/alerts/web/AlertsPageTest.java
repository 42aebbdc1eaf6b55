package com.frontline.alerts.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.alerts.AlertKind;
import com.frontline.alerts.Alerts;
import com.frontline.shared.Actor;
import com.frontline.shared.Role;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The alerts list, its badge and the settings form, as each role gets them. */
@IntegrationTest
class AlertsPageTest {

    static final String BADGE_OF_ONE = "data-testid=\"alerts-badge\" aria-label=\"1 unread\">1</span>";

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TeamService team;
    @Autowired Alerts alerts;
    @Autowired JdbcTemplate jdbc;

    TestAccounts.Account owner;
    Workspace w;
    String base;

    @BeforeEach
    void workspace() throws Exception {
        owner = accounts.signedIn(mvc, "owner");
        w = accounts.workspace(owner, "Alerting Co");
        base = "/w/" + w.slug() + "/alerts";
    }

    private MockHttpSession member(Role role) throws Exception {
        var user = accounts.user(role.name().toLowerCase());
        var created = team.invite(accounts.asMember(owner, w), user.email(), role, "http://x");
        team.accept(created.link().substring(created.link().lastIndexOf('/') + 1), new Actor(user.id(), user.email()));
        return accounts.login(mvc, user.email());
    }

    UUID raise(String key) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("p95 latency (ms)", 12_345);
        numbers.put("Alert above (ms)", 10_000);
        return alerts.raise(w.id(), AlertKind.LATENCY_P95, key, "Slow answers: p95 latency 12.3 s",
                "95 % of the calls took up to 12.3 s.", numbers, "/w/" + w.slug() + "/usage?period=7").alertId();
    }

    String html(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anAlertShowsItsNumbersItsLinkAndItsDeliveriesAndTheBadgeCountsItUntilTheListIsOpened() throws Exception {
        MockHttpSession agent = member(Role.AGENT);
        raise("p95");

        assertThat(html("/w/" + w.slug() + "/usage", agent)).contains(BADGE_OF_ONE);
        String list = html(base, agent);
        assertThat(list).contains("Slow answers: p95 latency 12.3 s", "95 % of the calls took up to 12.3 s.")
                .contains("<dt>p95 latency (ms)</dt><dd>12,345</dd>", "<dt>Alert above (ms)</dt><dd>10,000</dd>")
                .contains("href=\"/w/" + w.slug() + "/usage?period=7\"", "See the numbers")
                .contains("New", "Acknowledge", "Resolve")
                .doesNotContain("data-testid=\"check-now\"")    // agents do not run the check
                .doesNotContain("data-testid=\"alerts-badge\"");
        // opening the list marked it seen: the badge is gone on the next page
        assertThat(html("/w/" + w.slug() + "/usage", agent)).doesNotContain("data-testid=\"alerts-badge\"");
        // … for this member only
        assertThat(html("/w/" + w.slug() + "/usage", owner.session())).contains(BADGE_OF_ONE);
        // a viewer sees no alerts at all
        MockHttpSession viewer = member(Role.VIEWER);
        mvc.perform(get(base).session(viewer)).andExpect(status().isForbidden());
        assertThat(html("/w/" + w.slug(), viewer)).doesNotContain("nav-alerts");
    }

    @Test
    void agentsAcknowledgeAndResolveAndTheTabsFollow() throws Exception {
        MockHttpSession agent = member(Role.AGENT);
        UUID id = raise("p95");

        mvc.perform(post(base + "/" + id + "/acknowledge").session(agent).with(csrf()))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", "Acknowledged “Slow answers: p95 latency 12.3 s”."));
        assertThat(html(base + "?status=acknowledged", agent)).contains("Slow answers", "Acknowledged by agent-");
        mvc.perform(post(base + "/" + id + "/acknowledge").session(agent).with(csrf()).param("status", "open"))
                .andExpect(redirectedUrl(base + "?status=open"))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.startsWith(
                        "This alert was acknowledged already by agent-")));
        mvc.perform(post(base + "/" + id + "/resolve").session(agent).with(csrf()))
                .andExpect(redirectedUrl(base));
        assertThat(html(base, agent)).contains("No open or acknowledged alerts.");
        assertThat(html(base + "?status=resolved", agent)).contains("Resolved by agent-");
        assertThat(html(base + "?status=everything", agent)).contains("There is no “everything” tab");
        mvc.perform(post(base + "/not-a-uuid/resolve").session(agent).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/" + UUID.randomUUID() + "/resolve").session(agent).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anotherWorkspacesMembersGet404AndCannotTouchTheseAlerts() throws Exception {
        UUID id = raise("p95");
        var stranger = accounts.signedIn(mvc, "stranger");
        Workspace theirs = accounts.workspace(stranger, "Stranger Co");

        mvc.perform(get(base).session(stranger.session())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/" + id + "/acknowledge").session(stranger.session()).with(csrf()))
                .andExpect(status().isNotFound());
        // through their own workspace's address, the id is not theirs either
        mvc.perform(post("/w/" + theirs.slug() + "/alerts/" + id + "/acknowledge").session(stranger.session())
                .with(csrf())).andExpect(status().isNotFound());
        assertThat(html("/w/" + theirs.slug() + "/alerts", stranger.session()))
                .doesNotContain("Slow answers: p95 latency 12.3 s").contains("No open or acknowledged alerts.");
        assertThat(jdbc.queryForObject("select status from alerts.raised where id = ?", String.class, id))
                .isEqualTo("OPEN");
    }

    @Test
    void theSettingsFormExplainsEveryBadValueNextToItsFieldAndSavesGoodOnesAudited() throws Exception {
        mvc.perform(post(base + "/settings").session(owner.session()).with(csrf())
                        .param("costEnabled", "true").param("costBudgetPercent", "0")
                        .param("latencyP95Seconds", "fast").param("failureRatePercent", "101")
                        .param("windowMinutes", "2").param("minCalls", "").param("handoffFactor", "1.005")
                        .param("handoffMin", "5").param("qualityDropPoints", "10").param("qualityMinRatings", "20")
                        .param("throttleMinutes", "360").param("webhookUrl", "http://10.0.0.5/hook"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Use a number from 1 to 1,000.")))
                .andExpect(content().string(containsString("Enter a number such as 1.1.")))
                .andExpect(content().string(containsString("Use a number from 1 to 100.")))
                .andExpect(content().string(containsString("Use a number from 5 to 1,440.")))
                .andExpect(content().string(containsString("Enter a number from 1 to 100,000.")))
                .andExpect(content().string(containsString("Use a number from 1.1 to 100.")))
                .andExpect(content().string(containsString("which this portal does not call")))
                .andExpect(content().string(containsString("value=\"fast\"")));
        mvc.perform(post(base + "/settings").session(owner.session()).with(csrf()).params(valid())
                        .param("webhookUrl", "http://93.184.216.34/x"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Use https:// so the alerts travel encrypted.")));

        mvc.perform(post(base + "/settings").session(owner.session()).with(csrf()).params(valid()))
                .andExpect(redirectedUrl(base + "/settings"));
        String page = html(base + "/settings", owner.session());
        assertThat(page).contains("value=\"2.5\"", "value=\"80\"").contains("data-testid=\"mail-not-configured\"");
        String after = jdbc.queryForObject("select after::text from audit.entries where tenant_id = ? "
                + "and action = 'alerts.settings_updated'", String.class, w.id().value());
        assertThat(after).contains("80 % of the budget", "p95 above 2500 ms");
    }

    @Test
    void onlyAdminsChangeSettingsOrRunTheCheck() throws Exception {
        MockHttpSession agent = member(Role.AGENT);
        mvc.perform(get(base + "/settings").session(agent)).andExpect(status().isForbidden());
        mvc.perform(post(base + "/settings").session(agent).with(csrf()).params(valid()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/check").session(agent).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/check").session(owner.session()).with(csrf()).param("from", "settings"))
                .andExpect(redirectedUrl(base + "/settings"))
                .andExpect(flash().attribute("notice", "Checked the thresholds: nothing is over them."));
    }

    static org.springframework.util.LinkedMultiValueMap<String, String> valid() {
        var p = new org.springframework.util.LinkedMultiValueMap<String, String>();
        p.add("costEnabled", "true");
        p.add("costBudgetPercent", "80");
        p.add("latencyEnabled", "true");
        p.add("latencyP95Seconds", "2.5");
        p.add("failureEnabled", "true");
        p.add("failureRatePercent", "20");
        p.add("windowMinutes", "30");
        p.add("minCalls", "10");
        p.add("handoffEnabled", "true");
        p.add("handoffFactor", "3");
        p.add("handoffMin", "4");
        p.add("qualityEnabled", "true");
        p.add("qualityDropPoints", "8");
        p.add("qualityMinRatings", "30");
        p.add("throttleMinutes", "120");
        p.add("emailEnabled", "true");
        return p;
    }
}
