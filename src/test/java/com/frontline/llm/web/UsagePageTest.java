package com.frontline.llm.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.llm.UsageFixture;
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

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The usage dashboard as people get it: figures, charts, the period picker's messages, roles and workspaces. */
@IntegrationTest
class UsagePageTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TeamService team;
    @Autowired JdbcTemplate jdbc;

    TestAccounts.Account owner;
    Workspace w;
    String base;
    LocalDate today;

    @BeforeEach
    void workspaceWithUsage() throws Exception {
        owner = accounts.signedIn(mvc, "owner");
        w = accounts.workspace(owner, "Usage Co");
        base = "/w/" + w.slug() + "/usage";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        today = now.toLocalDate();
        new UsageFixture(jdbc).insert(w.id(), List.of(
                new UsageFixture.Row(now.minusMinutes(3), "Acme GPU", "gpt-4.1-mini", "ANSWER", "OK", 1200, 1000, 200,
                        new BigDecimal("0.250000"), false, UUID.randomUUID()),
                new UsageFixture.Row(now.minusDays(2), "Acme GPU", "gpt-4.1-mini", "ANSWER", "ERROR", 800, 900, 0,
                        BigDecimal.ZERO, false, UUID.randomUUID()),
                new UsageFixture.Row(now.minusDays(2), "Backup cluster", "claude-haiku", "ANSWER", "OK", 2400, 800, 150,
                        new BigDecimal("0.125000"), true, UUID.randomUUID()),
                new UsageFixture.Row(now.minusDays(40), "Old provider", "m", "ANSWER", "OK", 100, 1, 1,
                        new BigDecimal("9.000000"), false, UUID.randomUUID())));
    }

    private MockHttpSession member(Role role) throws Exception {
        var user = accounts.user(role.name().toLowerCase());
        var created = team.invite(accounts.asMember(owner, w), user.email(), role, "http://x");
        team.accept(created.link().substring(created.link().lastIndexOf('/') + 1), new Actor(user.id(), user.email()));
        return accounts.login(mvc, user.email());
    }

    String page(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theLast30DaysShowCallsCostLatencyAndChartsByProviderModelAndDay() throws Exception {
        String html = page(base, owner.session());
        assertThat(html).contains("Last 30 days", "Acme GPU", "gpt-4.1-mini", "Backup cluster", "claude-haiku")
                .doesNotContain("Old provider")
                .contains("data-testid=\"usage-calls\">3<", "data-testid=\"usage-cost\">$0.3750<")
                .contains("Calls per day, succeeded and failed", "Cost per day in US dollars", "Latency per day")
                .contains("<rect class=\"failed\"");
        // the day table lists every day of the period
        assertThat(html.split("<td>[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4}</td>", -1)).hasSize(31);

        String ninety = page(base + "?period=90", owner.session());
        assertThat(ninety).contains("Last 90 days", "Old provider", "data-testid=\"usage-cost\">$9.38<", "$9.0000");

        String one = mvc.perform(get(base).param("provider", "Backup cluster").session(owner.session()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(one).contains("data-testid=\"usage-calls\">1<", "$0.1250").contains("· Backup cluster");
    }

    @Test
    void aTargetedRequestGetsTheResultsRegionAndEveryOtherTheWholePage() throws Exception {
        String region = mvc.perform(get(base + "?period=7").session(owner.session()).header("HX-Request", "true")
                        .header("HX-Target", "usage-results"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(region.strip()).startsWith("<section id=\"usage-results\"")
                .doesNotContain("<html", "class=\"sidebar\"").contains("Last 7 days");
        String boosted = mvc.perform(get(base).session(owner.session()).header("HX-Request", "true")
                        .header("HX-Boosted", "true"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(boosted).contains("<html", "Usage and cost");
    }

    @Test
    void aBadPeriodIsExplainedNextToItsFieldAndTheDefaultShown() throws Exception {
        String back = page(base + "?period=custom&from=" + today + "&to=" + today.minusDays(3), owner.session());
        assertThat(back).contains("The last day is before the first (" + today + ").")
                .contains("showing the last 30 days instead").contains("Last 30 days")
                .contains("value=\"" + today.minusDays(3) + "\"");
        assertThat(page(base + "?period=custom&from=2020-01-01&to=2021-06-30", owner.session()))
                .contains("A range is at most 366 days; this one has 547.");
        assertThat(page(base + "?period=custom&from=" + today + "&to=" + today.plusDays(1), owner.session()))
                .contains("The last day can be today (" + today + ") at the latest.");
        assertThat(page(base + "?period=custom&from=yesterday", owner.session()))
                .contains("Enter a date like 2026-12-01.").contains("Choose the last day of the range.");
        assertThat(page(base + "?period=forever", owner.session()))
                .contains("Choose 7, 30 or 90 days, or a custom range.");
        String good = page(base + "?period=custom&from=" + today.minusDays(2) + "&to=" + today.minusDays(2),
                owner.session());
        assertThat(good).doesNotContain("field-error").contains("data-testid=\"usage-calls\">2<");
    }

    @Test
    void agentsReadItViewersDoNotAndStrangersGet404() throws Exception {
        assertThat(page(base, member(Role.AGENT))).contains("Acme GPU").doesNotContain("retention-form");
        mvc.perform(get(base).session(member(Role.VIEWER))).andExpect(status().isForbidden());
        var stranger = accounts.signedIn(mvc, "stranger");
        accounts.workspace(stranger, "Stranger Co");
        mvc.perform(get(base).session(stranger.session())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/retention").session(stranger.session()).with(csrf()).param("retentionDays", "40"))
                .andExpect(status().isNotFound());
    }

    @Test
    void adminsSetTheRetentionWithinItsBoundsAndTheChangeIsAudited() throws Exception {
        mvc.perform(post(base + "/retention").session(owner.session()).with(csrf()).param("retentionDays", "20"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Keep raw call records from 35 to 3,650 days")))
                .andExpect(content().string(containsString("value=\"20\"")));
        mvc.perform(post(base + "/retention").session(owner.session()).with(csrf()).param("retentionDays", "ninety"))
                .andExpect(status().is(422))
                .andExpect(content().string(containsString("Enter a whole number of days")));
        mvc.perform(post(base + "/retention").session(owner.session()).with(csrf()).param("retentionDays", "120"))
                .andExpect(redirectedUrl(base + "#retention"));
        assertThat(page(base, owner.session())).contains("Raw call records are kept for 120 days");
        assertThat(jdbc.queryForList("select action from audit.entries where tenant_id = ?", String.class,
                w.id().value())).contains("llm.usage_retention_updated");
        mvc.perform(post(base + "/retention").session(member(Role.AGENT)).with(csrf()).param("retentionDays", "60"))
                .andExpect(status().isForbidden());
        mvc.perform(get(base).session(owner.session()))
                .andExpect(content().string(not(containsString("Keep raw call records from 35"))));
    }
}
