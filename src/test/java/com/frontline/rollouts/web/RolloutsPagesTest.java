package com.frontline.rollouts.web;

import com.frontline.alerts.Alerts;
import com.frontline.assistants.AssistantConfig;
import com.frontline.assistants.AssistantVersion;
import com.frontline.assistants.AssistantVersions;
import com.frontline.identity.FrontlinePrincipal;
import com.frontline.identity.UserAccount;
import com.frontline.rollouts.Decision;
import com.frontline.rollouts.Experiment;
import com.frontline.rollouts.ExperimentForm;
import com.frontline.rollouts.ExperimentKind;
import com.frontline.rollouts.ExperimentStatus;
import com.frontline.rollouts.GateResult;
import com.frontline.rollouts.Rollouts;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.Role;
import com.frontline.shared.TenantId;
import com.frontline.shared.UserFacingException;
import com.frontline.tenants.TenantService;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;
import io.github.wimdeblauwe.htmx.spring.boot.thymeleaf.HtmxThymeleafAutoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The rollout pages over a mocked {@link Rollouts}: what each page shows, page or fragment by request kind, role
 * checks, another workspace's experiment, and validation and conflict messages where the person is. The web layer
 * only (the workspace resolution and the layout run for real over mocked services); the service's own tests cover
 * what it stores.
 */
@WebMvcTest(controllers = {RolloutsController.class, ExperimentController.class})
@ImportAutoConfiguration({HtmxMvcAutoConfiguration.class, HtmxThymeleafAutoConfiguration.class})
class RolloutsPagesTest {

    static final String SLUG = "acme";
    static final String BASE = "/w/" + SLUG + "/rollouts";

    @Autowired MockMvc mvc;
    @MockitoBean Rollouts rollouts;
    @MockitoBean AssistantVersions versions;
    @MockitoBean TenantService tenants;
    @MockitoBean Alerts alerts;

    final UserAccount user = new UserAccount(UUID.randomUUID(), "ada@example.com", "Ada", true);
    final TenantId tenant = TenantId.of(UUID.randomUUID());
    final UUID id = UUID.randomUUID();

    record Principal(UserAccount account) implements FrontlinePrincipal {
    }

    @BeforeEach
    void workspace() {
        as(Role.ADMIN);
        when(versions.liveVersion(tenant)).thenReturn(3);
        when(versions.list(tenant)).thenReturn(List.of(version(4, "Friendlier fallback"), version(3, null),
                version(2, null), version(1, null)));
        when(rollouts.running(tenant)).thenReturn(Optional.empty());
        when(rollouts.list(tenant)).thenReturn(List.of());
        when(rollouts.history(eq(tenant), anyInt())).thenReturn(List.of());
        when(rollouts.splitInForce(tenant)).thenReturn("v3 100 %");
    }

    void as(Role role) {
        when(tenants.resolve(user.id(), user.email(), SLUG)).thenReturn(Optional.of(
                new CurrentTenant(tenant, SLUG, "Acme", role, user.id(), user.email())));
    }

    static AssistantVersion version(int n, String note) {
        return new AssistantVersion(n, mock(AssistantConfig.class), AssistantVersion.Status.PUBLISHED,
                "ada@example.com", null, OffsetDateTime.now(), note, null);
    }

    RequestPostProcessor signedIn() {
        return authentication(new TestingAuthenticationToken(new Principal(user), null, "ROLE_USER"));
    }

    String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(signedIn())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    // ---- overview

    @Test
    void withoutAnyRolloutTheOverviewSaysWhatToDoFirst() throws Exception {
        String page = html(get(BASE));

        assertThat(page).contains("No rollout yet: publish a version on the", "Versions page",
                "then start a rollout here", "data-testid=\"new-experiment\"", "v3 100 %",
                "All website visitors get the live version 3.", "data-testid=\"nav-rollouts\"")
                .doesNotContain("data-testid=\"deployment-history\"", "data-testid=\"current-experiment\"");
    }

    @Test
    void aRunningRolloutShowsItsSplitDecisionButtonsHistoryAndTheLastRollback() throws Exception {
        Experiment e = RolloutFixtures.running(id);
        when(rollouts.running(tenant)).thenReturn(Optional.of(e));
        when(rollouts.list(tenant)).thenReturn(List.of(e));
        when(rollouts.splitInForce(tenant)).thenReturn("v3 90 % · v4 10 %");
        when(rollouts.decision(tenant, id)).thenReturn(new Decision(Decision.HOLD,
                "Step 1 of 3 (10 %): waiting: 37 of 100 candidate rated answers.", Map.of()));
        when(rollouts.lastRollback(tenant)).thenReturn(RolloutFixtures.guardRollback());
        when(rollouts.history(eq(tenant), anyInt())).thenReturn(List.of(RolloutFixtures.guardRollback()));

        String page = html(get(BASE));

        assertThat(page).contains("v3 90 % · v4 10 %", "width: 90%", "width: 10%", "v4 candidate", "#7 · Friendlier fallback",
                        "Running", "Waiting for data", "37 of 100 candidate rated answers",
                        "data-testid=\"advance\"", "Advance to 50 %", "data-testid=\"rollback\"", "data-testid=\"stop\"",
                        "name=\"lockVersion\" value=\"42\"")
                .contains("The guard rolled back", "Helpful answers dropped 11 %", "<dt>Helpful, candidate</dt><dd>0.71</dd>",
                        "<dt>Rated answers, candidate</dt><dd>412</dd>", "Rolled back", "· the guard")
                .doesNotContain("data-testid=\"rollouts-empty\"", "data-testid=\"new-experiment\"")
                // the guard looks every minute: the dashboard refreshes itself while traffic is split
                .contains("hx-trigger=\"every 30s\"");
    }

    @ParameterizedTest(name = "HX-Request {0}, boosted {1}, history restore {2}: fragment {3}")
    @CsvSource({"false, false, false, false", "true, false, false, true", "true, true, false, false",
            "true, false, true, false"})
    void theOverviewIsAWholePageUnlessARegionAsksForItself(boolean htmx, boolean boosted, boolean restore,
                                                            boolean fragment) throws Exception {
        MockHttpServletRequestBuilder request = get(BASE);
        if (htmx) {
            request.header("HX-Request", "true");
        }
        if (boosted) {
            request.header("HX-Boosted", "true");
        }
        if (restore) {
            request.header("HX-History-Restore-Request", "true");
        }
        var result = mvc.perform(request.with(signedIn())).andExpect(status().isOk())
                .andExpect(view().name(fragment ? "rollouts/rollouts :: dashboard" : "rollouts/rollouts"))
                .andReturn();
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"dashboard\"");
        assertThat(html.contains("class=\"sidebar\"")).isEqualTo(!fragment);
    }

    @Test
    void agentsSeeTheDashboardButNoButtonsAndViewersNothing() throws Exception {
        Experiment e = RolloutFixtures.running(id);
        when(rollouts.running(tenant)).thenReturn(Optional.of(e));
        when(rollouts.get(tenant, id)).thenReturn(e);
        when(rollouts.decision(tenant, id)).thenReturn(new Decision(Decision.OK, "The guard holds.", Map.of()));
        as(Role.AGENT);

        assertThat(html(get(BASE))).contains("#7 · Friendlier fallback", "The guard holds.")
                .doesNotContain("data-testid=\"advance\"", "data-testid=\"rollback\"", "data-testid=\"stop\"",
                        "data-testid=\"new-experiment\"");
        mvc.perform(get(BASE + "/new").with(signedIn())).andExpect(status().isForbidden());
        mvc.perform(get(BASE + "/" + id + "/rollback").with(signedIn())).andExpect(status().isForbidden());
        mvc.perform(post(BASE + "/" + id + "/rollback").param("reason", "x").param("lockVersion", "42")
                .with(signedIn()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(BASE).param("name", "x").with(signedIn()).with(csrf())).andExpect(status().isForbidden());
        verify(rollouts, never()).rollback(any(), any(), anyString(), anyLong());
        verify(rollouts, never()).create(any(), any());

        as(Role.VIEWER);
        mvc.perform(get(BASE).with(signedIn())).andExpect(status().isForbidden());
        mvc.perform(get(BASE + "/" + id).with(signedIn())).andExpect(status().isForbidden());
    }

    @Test
    void anotherWorkspacesExperimentOrAGarbledIdIsNotFound() throws Exception {
        UUID theirs = UUID.randomUUID();
        when(rollouts.get(tenant, theirs)).thenThrow(NotFoundException.of("Experiment", theirs));

        String page = mvc.perform(get(BASE + "/" + theirs).with(signedIn())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("We could not find that page").doesNotContain("Exception");
        mvc.perform(get(BASE + "/" + theirs).header("HX-Request", "true").with(signedIn()))
                .andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("HX-Retarget", "#flash"));
        mvc.perform(get(BASE + "/" + theirs + "/rollback").with(signedIn())).andExpect(status().isNotFound());
        when(rollouts.stop(any(), eq(theirs), anyLong())).thenThrow(NotFoundException.of("Experiment", theirs));
        mvc.perform(post(BASE + "/" + theirs + "/stop").param("lockVersion", "1").with(signedIn()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get(BASE + "/not-an-id").with(signedIn())).andExpect(status().isNotFound());
        mvc.perform(post(BASE + "/not-an-id/advance").with(signedIn()).with(csrf())).andExpect(status().isNotFound());
        // another workspace's slug: the member has none there
        mvc.perform(get("/w/someone-else/rollouts/" + id).with(signedIn())).andExpect(status().isNotFound());
        verify(rollouts, never()).get(any(), eq(id));
    }

    // ---- the experiment page

    @Test
    void theExperimentPageShowsThePerArmTableTheNamedTestsAndTheChart() throws Exception {
        Experiment e = RolloutFixtures.running(id);
        when(rollouts.get(tenant, id)).thenReturn(e);
        // over the guard window, then since the start
        when(rollouts.metrics(tenant, id)).thenReturn(List.of(RolloutFixtures.arm("baseline", 3, 120, 150),
                RolloutFixtures.arm("candidate", 4, 110, 140), RolloutFixtures.arm("baseline", 3, 240, 300),
                RolloutFixtures.arm("candidate", 4, 150, 200)));
        when(rollouts.series(tenant, id)).thenReturn(RolloutFixtures.series());
        when(rollouts.decision(tenant, id)).thenReturn(new Decision(Decision.OK,
                "Step 1 of 3 (10 %): waiting: 20 min of the 1 h minimum left.",
                Map.of("arm", "candidate", "always-valid p", 0.4137, "window from", "2026-12-07T08:00:00Z")));

        String page = html(get(BASE + "/" + id));

        assertThat(page).contains("Friendlier fallback", "v3 baseline", "v4 candidate", "Helpful", "80.0 %", "75.0 %",
                        "300 rated", "Fallback", "4.0 %", "of 900 answers", "Implicit satisfaction", "Corrections",
                        "Errors", "Failovers", "820 / 1,900 / 3,100 ms", "1,534", "$0.0041")
                // Wilson intervals of 240/300 and 150/200
                .contains("75.1–84.1 %", "68.6–80.5 %")
                .contains("Sequential test: always-valid p (mixture SPRT)", "Two-proportion z-test: p", "Newcombe")
                // since the start: 75 % against 80 %; over the window 78.6 % against 80 %, with the guard's own p
                .contains("Since the split started", "−5.0 pt", "−6.3 %", "Guard window (last 1 day)", "−1.4 pt",
                        "data-testid=\"sequential-p\">0.414<")
                .doesNotContain("No verdict before the minimum sample")
                .contains("<dt>always-valid p</dt><dd>0.4137</dd>", "<dt>window from</dt><dd>7 Dec 2026, 08:00 UTC</dd>",
                        "20 min of the 1 h minimum left")
                .contains("class=\"rollout-svg wide\"", "class=\"rollout-svg narrow\"", "class=\"band\"",
                        "Time (UTC), by hour", "95 % interval");
        assertThat(page).contains("Passed:", "Version 4 answered 82 % of the evaluation set, version 3 80 %.");
    }

    @Test
    void underTheMinimumSampleThereIsNoVerdict() throws Exception {
        when(rollouts.get(tenant, id)).thenReturn(RolloutFixtures.running(id));
        when(rollouts.metrics(tenant, id)).thenReturn(List.of(RolloutFixtures.arm("baseline", 3, 240, 300),
                RolloutFixtures.arm("candidate", 4, 30, 37), RolloutFixtures.arm("baseline", 3, 480, 600),
                RolloutFixtures.arm("candidate", 4, 60, 74)));
        when(rollouts.series(tenant, id)).thenReturn(List.of());
        when(rollouts.decision(tenant, id)).thenReturn(new Decision(Decision.HOLD, "No verdict yet.", Map.of()));

        assertThat(html(get(BASE + "/" + id))).contains("No verdict before the minimum sample of 100 rated answers "
                + "per arm in the guard window: v4 candidate has 37.", "No rated answers yet: the chart fills in")
                .doesNotContain("class=\"rollout-svg");
    }

    @Test
    void aTargetedRefreshOfTheExperimentGetsOnlyItsBody() throws Exception {
        when(rollouts.get(tenant, id)).thenReturn(RolloutFixtures.rollout(id, ExperimentStatus.GATING, 0, null));

        String body = mvc.perform(get(BASE + "/" + id).header("HX-Request", "true").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(view().name("rollouts/experiment :: experiment-body"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(body).startsWith("<section id=\"experiment-body\"").doesNotContain("class=\"sidebar\"")
                .contains("Running the evaluation set", "hx-trigger=\"every 3s\"");
        verify(rollouts, never()).metrics(any(), any());
    }

    @Test
    void aBlockedGateShowsTheNumbersAndAnOverrideThatNeedsAReason() throws Exception {
        UUID run = UUID.randomUUID();
        Experiment blocked = RolloutFixtures.rollout(id, ExperimentStatus.BLOCKED, 0, new GateResult(run, run, 0.78,
                0.71, false, "Version 4 answered 71 % of the evaluation set, below version 3's 78 %."));
        when(rollouts.get(tenant, id)).thenReturn(blocked);

        assertThat(html(get(BASE + "/" + id))).contains("Blocked by the gate", "Blocked:", "of the evaluation set, below version 3",
                "71.0 %", "78.0 %", "data-testid=\"override-form\"", "/evaluation/runs/" + run)
                .doesNotContain("hx-trigger=\"every"); // a person decides: nothing typed may be swapped away

        String page = mvc.perform(post(BASE + "/" + id + "/override").param("reason", "  ").param("lockVersion", "42")
                        .with(signedIn()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"reason-error\"", "Say why the candidate may go out although the gate blocked it");
        verify(rollouts, never()).override(any(), any(), anyString(), anyLong());

        Experiment started = RolloutFixtures.running(id);
        when(rollouts.override(any(), eq(id), eq("The set is out of date"), eq(42L))).thenReturn(started);
        mvc.perform(post(BASE + "/" + id + "/override").param("reason", " The set is out of date ")
                        .param("lockVersion", "42").with(signedIn()).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/" + id))
                .andExpect(flash().attribute("notice", "Gate overridden: the experiment runs: v3 90 % · v4 10 %."));
    }

    // ---- actions

    @Test
    void rollingBackTakesAConfirmStepAndAReason() throws Exception {
        Experiment e = RolloutFixtures.running(id);
        when(rollouts.get(tenant, id)).thenReturn(e);

        assertThat(html(get(BASE + "/" + id + "/rollback").param("from", "overview")))
                .contains("Roll back experiment #7?", "All visitors get version 3 again", "Roll back to version 3",
                        "name=\"from\" value=\"overview\"", "name=\"lockVersion\" value=\"42\"");

        String page = mvc.perform(post(BASE + "/" + id + "/rollback").param("reason", "").param("lockVersion", "42")
                        .with(signedIn()).with(csrf()))
                .andExpect(status().is(422)).andExpect(view().name("rollouts/rollback"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"reason-error\"", "Say why you roll back");
        verify(rollouts, never()).rollback(any(), any(), anyString(), anyLong());

        when(rollouts.rollback(any(), eq(id), eq("Wrong delivery times"), eq(42L)))
                .thenReturn(RolloutFixtures.rollout(id, ExperimentStatus.ROLLED_BACK, 0, null));
        mvc.perform(post(BASE + "/" + id + "/rollback").param("reason", "Wrong delivery times")
                        .param("lockVersion", "42").param("from", "overview").with(signedIn()).with(csrf()))
                .andExpect(redirectedUrl(BASE))
                .andExpect(flash().attribute("notice", "Rolled back: all visitors get version 3 again."));
    }

    @Test
    void aStaleButtonSaysWhatChangedMeanwhile() throws Exception {
        String changed = "The rollout changed meanwhile (the guard rolled it back 1 minute ago); reload.";
        when(rollouts.rollback(any(), eq(id), anyString(), eq(41L))).thenThrow(new UserFacingException(changed));
        when(rollouts.advance(any(), eq(id), eq(41L))).thenThrow(new UserFacingException(changed));
        when(rollouts.stop(any(), eq(id), eq(-1L))).thenThrow(new UserFacingException(changed));

        mvc.perform(post(BASE + "/" + id + "/rollback").param("reason", "Bad answers").param("lockVersion", "41")
                        .with(signedIn()).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/" + id)).andExpect(flash().attribute("problem", changed));
        mvc.perform(post(BASE + "/" + id + "/advance").param("lockVersion", "41").param("from", "overview")
                        .with(signedIn()).with(csrf()))
                .andExpect(redirectedUrl(BASE)).andExpect(flash().attribute("problem", changed));
        // a garbled lock version can never match: the service refuses it as stale
        mvc.perform(post(BASE + "/" + id + "/stop").param("lockVersion", "x").with(signedIn()).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/" + id)).andExpect(flash().attribute("problem", changed));
    }

    @Test
    void advanceAndStopSayWhatHappened() throws Exception {
        when(rollouts.advance(any(), eq(id), eq(42L))).thenReturn(RolloutFixtures.rollout(id,
                ExperimentStatus.RUNNING, 1, null));
        when(rollouts.stop(any(), eq(id), eq(43L))).thenReturn(RolloutFixtures.rollout(id,
                ExperimentStatus.STOPPED, 1, null));

        mvc.perform(post(BASE + "/" + id + "/advance").param("lockVersion", "42").with(signedIn()).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/" + id))
                .andExpect(flash().attribute("notice", "Advanced to step 2 of 3: 50 % of visitors go to version 4."));
        mvc.perform(post(BASE + "/" + id + "/stop").param("lockVersion", "43").with(signedIn()).with(csrf()))
                .andExpect(flash().attribute("notice", "Stopped experiment #7: all visitors get version 3 again."));
    }

    // ---- the new-experiment form

    @Test
    void theFormOffersThePublishedVersionsWithTheLiveOneAsBaselineAndDefaultSteps() throws Exception {
        String page = html(get(BASE + "/new"));

        assertThat(page).contains("Version 3 (live: the baseline)", "<option value=\"4\" selected=\"selected\">Version 4: Friendlier fallback</option>",
                "name=\"step\" value=\"10\"", "name=\"step\" value=\"50\"", "name=\"step\" value=\"100\"",
                "name=\"minDuration\"", "value=\"60\"", "name=\"relativeDrop\"", "value=\"5\"", "value=\"0.05\"",
                "Rehearsing this plan with your recent traffic", "hx-trigger=\"load, change from:#experiment-form delay:300ms\"");
        assertThat(page).containsPattern("<option value=\"3\" disabled=\"disabled\"[^>]*>Version 3 \\(live: the baseline\\)");
    }

    @Test
    void aRolloutIsCreatedWithItsStepsAndTheGateStateIsShownNext() throws Exception {
        when(rollouts.create(any(), any())).thenReturn(RolloutFixtures.rollout(id, ExperimentStatus.GATING, 0, null));

        mvc.perform(post(BASE).param("name", "Friendlier fallback").param("kind", "ROLLOUT")
                        .param("candidateVersion", "4").param("step", "10", "50", "", "100", "")
                        .param("armVersion", "3", "4").param("armPercent", "50", "50")
                        .param("minDuration", "30").param("minSample", "200").param("relativeDrop", "5")
                        .param("alpha", "0.01").param("autoAdvance", "true").with(signedIn()).with(csrf()))
                .andExpect(redirectedUrl(BASE + "/" + id))
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.startsWith(
                        "Experiment #7 created. Its offline gate decides whether traffic is split")));

        ArgumentCaptor<ExperimentForm> form = ArgumentCaptor.forClass(ExperimentForm.class);
        verify(rollouts).create(any(CurrentTenant.class), form.capture());
        assertThat(form.getValue()).isEqualTo(new ExperimentForm("Friendlier fallback", ExperimentKind.ROLLOUT, 4,
                List.of(), List.of("10", "50", "100"), "30", "200", "5", "0.01", true));
    }

    @Test
    void anABnExperimentSendsItsArmsAndSharesThatDoNotAddUpAreExplainedAtTheField() throws Exception {
        String message = "The shares add up to 90 %, not 100 %: give the missing 10 % so that every visitor has an arm.";
        when(rollouts.create(any(), any())).thenThrow(InvalidInputException.of("arms", message));

        String page = mvc.perform(post(BASE).param("name", "Three ways").param("kind", "AB")
                        .param("candidateVersion", "4").param("step", "10", "50", "100")
                        .param("armVersion", "3", "4", "2", "").param("armPercent", "40", "30", "20", "")
                        .param("minSample", "100").with(signedIn()).with(csrf()))
                .andExpect(status().is(422)).andExpect(view().name("rollouts/new"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"arms-error\"", message, "value=\"Three ways\"", "name=\"armPercent\" value=\"40\"",
                "name=\"armPercent\" value=\"20\"");
        assertThat(page).containsPattern("value=\"AB\"[^>]* checked=\"checked\"");
        ArgumentCaptor<ExperimentForm> form = ArgumentCaptor.forClass(ExperimentForm.class);
        verify(rollouts).create(any(CurrentTenant.class), form.capture());
        assertThat(form.getValue().kind()).isEqualTo(ExperimentKind.AB);
        assertThat(form.getValue().stepPercents()).isEmpty();
        assertThat(form.getValue().candidateVersion()).isNull();
        assertThat(form.getValue().arms()).containsExactly(new ExperimentForm.ArmForm(3, "40"),
                new ExperimentForm.ArmForm(4, "30"), new ExperimentForm.ArmForm(2, "20"));
    }

    @Test
    void aSecondExperimentOnTheSameTrafficIsRefusedAboveTheForm() throws Exception {
        String message = "Experiment #6 is running on your website traffic; stop it before starting another.";
        when(rollouts.create(any(), any())).thenThrow(new UserFacingException(message));

        String page = mvc.perform(post(BASE).param("name", "Again").param("candidateVersion", "4")
                        .param("step", "10", "100").with(signedIn()).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("data-testid=\"form-error\"", message, "value=\"Again\"");
    }

    @Test
    void theRehearsalLineFollowsThePlanAsTyped() throws Exception {
        when(rollouts.rehearse(eq(tenant), any())).thenReturn(OptionalInt.of(4300));

        String line = mvc.perform(get(BASE + "/new/rehearsal").param("kind", "ROLLOUT").param("candidateVersion", "4")
                        .param("step", "10", "50", "100").param("minSample", "100").header("HX-Request", "true")
                        .with(signedIn()))
                .andExpect(status().isOk()).andExpect(view().name("rollouts/new :: rehearsal-line"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(line).startsWith("<p id=\"rehearsal-line\"")
                .contains("With your traffic, a 5 % drop is caught after about 4,300 visitors.");
        ArgumentCaptor<ExperimentForm> form = ArgumentCaptor.forClass(ExperimentForm.class);
        verify(rollouts).rehearse(eq(tenant), form.capture());
        assertThat(form.getValue().stepPercents()).containsExactly("10", "50", "100");

        when(rollouts.rehearse(eq(tenant), any())).thenReturn(OptionalInt.empty());
        assertThat(html(get(BASE + "/new/rehearsal").header("HX-Request", "true")))
                .contains("Not enough recent traffic to rehearse this plan");

        when(rollouts.rehearse(eq(tenant), any())).thenThrow(InvalidInputException.of("steps",
                "Each step gives the candidate more than 0 % and at most 100 %, not 150 %."));
        assertThat(html(get(BASE + "/new/rehearsal").param("step", "150").header("HX-Request", "true")))
                .contains("Complete the plan to see how soon a drop would be caught: Each step gives");

        // without a script (a plain request) the whole form comes back, the line filled in
        when(rollouts.rehearse(eq(tenant), any())).thenReturn(OptionalInt.of(900));
        assertThat(html(get(BASE + "/new/rehearsal").param("name", "Typed"))).contains("class=\"sidebar\"",
                "value=\"Typed\"", "caught after about 900 visitors");
    }
}
