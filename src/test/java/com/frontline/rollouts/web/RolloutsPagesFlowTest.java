package com.frontline.rollouts.web;

import com.frontline.Eventually;
import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.assistants.AssistantVersions;
import com.frontline.chat.ChatService;
import com.frontline.rollouts.Experiment;
import com.frontline.rollouts.ExperimentStatus;
import com.frontline.rollouts.Rollouts;
import com.frontline.shared.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rollout pages over the real service and database: a rollout started from the form, its gate (skipped: no
 * evaluation cases), a stale button, Advance, a rollback from the confirm step, Stop, and a second workspace that can
 * neither see nor touch the first one's experiment, even by its id.
 */
@IntegrationTest
class RolloutsPagesFlowTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired AssistantVersions versions;
    @Autowired ChatService chat;
    @Autowired Rollouts rollouts;

    TestAccounts.Account alice;
    CurrentTenant a;
    String base;

    @BeforeEach
    void workspaceWithAPublishedCandidate() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        a = accounts.asMember(alice, accounts.workspace(alice, "Rollout Co"));
        base = "/w/" + a.slug() + "/rollouts";
        versions.liveVersion(a.id()); // version 1: the settings as created
        chat.updateSettings(a, "70", false, null);
        versions.publish(a, "Stricter", false); // version 2, not live
    }

    String html(String url, TestAccounts.Account who) throws Exception {
        return mvc.perform(get(url).session(who.session())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    Experiment startTenPercent() throws Exception {
        MvcResult created = mvc.perform(post(base).session(alice.session()).with(csrf())
                        .param("name", "Stricter answers").param("kind", "ROLLOUT").param("candidateVersion", "2")
                        .param("step", "10", "50", "100", "", "").param("minDuration", "60").param("minSample", "100")
                        .param("relativeDrop", "5").param("alpha", "0.05").param("autoAdvance", "true"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", startsWith("Experiment #1 created.")))
                .andReturn();
        Experiment e = rollouts.running(a.id()).orElseThrow();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo(base + "/" + e.id());
        // no evaluation cases: the gate is skipped in the background and the split starts
        Eventually.await(() -> rollouts.get(a.id(), e.id()).status() == ExperimentStatus.RUNNING);
        return rollouts.get(a.id(), e.id());
    }

    @Test
    void aRolloutStartedFromTheFormAdvancesByTheButtonAndIsRolledBackFromTheConfirmStep() throws Exception {
        assertThat(html(base, alice)).contains("No rollout yet", "v1 100 %");

        Experiment e = startTenPercent();

        assertThat(html(base, alice)).contains("v1 90 % · v2 10 %", "#1 · Stricter answers", "Advance to 50 %",
                "Gate passed", "No evaluation cases: the gate was skipped.");
        assertThat(html(base + "/" + e.id(), alice)).contains("Stricter answers", "v1 baseline", "v2 candidate",
                "Per arm, since the split started", "Helpful rate over time", "No rated answers yet");

        // a button on a page shown before the gate passed: refused with what changed, nothing changed
        mvc.perform(post(base + "/" + e.id() + "/advance").session(alice.session()).with(csrf())
                        .param("lockVersion", String.valueOf(e.lockVersion() - 1)).param("from", "overview"))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("problem", startsWith("The rollout changed meanwhile")));
        assertThat(rollouts.get(a.id(), e.id()).step()).isZero();

        // the button: the next step now
        mvc.perform(post(base + "/" + e.id() + "/advance").session(alice.session()).with(csrf())
                        .param("lockVersion", String.valueOf(e.lockVersion())))
                .andExpect(redirectedUrl(base + "/" + e.id()))
                .andExpect(flash().attribute("notice", "Advanced to step 2 of 3: 50 % of visitors go to version 2."));
        assertThat(html(base, alice)).contains("v1 50 % · v2 50 %", "Advance to 100 %");
        e = rollouts.get(a.id(), e.id());

        assertThat(html(base + "/" + e.id() + "/rollback?from=overview", alice)).contains("Roll back experiment #1?");
        mvc.perform(post(base + "/" + e.id() + "/rollback").session(alice.session()).with(csrf())
                        .param("lockVersion", String.valueOf(e.lockVersion())).param("from", "overview")
                        .param("reason", "Customers say the answers got too cautious."))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", "Rolled back: all visitors get version 1 again."));

        assertThat(rollouts.get(a.id(), e.id()).status()).isEqualTo(ExperimentStatus.ROLLED_BACK);
        assertThat(html(base, alice)).contains("v1 100 %", "Last rollback", "Customers say the answers got too cautious.",
                "Rolled back", "v1 50 % · v2 50 %").doesNotContain("data-testid=\"current-experiment\"");
    }

    @Test
    void anotherWorkspaceCanNeitherSeeNorTouchTheExperiment() throws Exception {
        Experiment e = startTenPercent();
        TestAccounts.Account bob = accounts.signedIn(mvc, "bob");
        CurrentTenant b = accounts.asMember(bob, accounts.workspace(bob, "Other Co"));
        String theirs = "/w/" + b.slug() + "/rollouts/" + e.id();

        // by id under their own workspace, and under Alice's (not a member)
        mvc.perform(get(theirs).session(bob.session())).andExpect(status().isNotFound());
        mvc.perform(get(theirs + "/rollback").session(bob.session())).andExpect(status().isNotFound());
        mvc.perform(post(theirs + "/rollback").session(bob.session()).with(csrf()).param("reason", "mine now")
                .param("lockVersion", String.valueOf(e.lockVersion()))).andExpect(status().isNotFound());
        mvc.perform(post(theirs + "/stop").session(bob.session()).with(csrf())
                .param("lockVersion", String.valueOf(e.lockVersion()))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/" + e.id()).session(bob.session())).andExpect(status().isNotFound());
        mvc.perform(get("/w/" + b.slug() + "/rollouts/" + UUID.randomUUID()).session(bob.session()))
                .andExpect(status().isNotFound());

        // their overview shows their own split only
        assertThat(html("/w/" + b.slug() + "/rollouts", bob)).contains("No rollout yet", "v1 100 %")
                .doesNotContain("Stricter answers", "v2 10 %");
        assertThat(rollouts.get(a.id(), e.id()).status()).isEqualTo(ExperimentStatus.RUNNING);

        // Alice stops it: all traffic back on version 1, and a new experiment may start
        mvc.perform(post(base + "/" + e.id() + "/stop").session(alice.session()).with(csrf())
                        .param("lockVersion", String.valueOf(e.lockVersion())).param("from", "overview"))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", "Stopped experiment #1: all visitors get version 1 again."));
        assertThat(html(base, alice)).contains("v1 100 %", "data-testid=\"new-experiment\"", "Stopped");
    }
}
