package com.frontline.search.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.audit.AuditLog;
import com.frontline.search.Fusion;
import com.frontline.search.IndexedChunk;
import com.frontline.search.KnowledgeIndex;
import com.frontline.search.KnowledgeSearch;
import com.frontline.search.RetrievalSettings;
import com.frontline.search.TextEmbedder;
import com.frontline.search.Visibility;
import com.frontline.shared.Actor;
import com.frontline.shared.Role;
import com.frontline.tenants.TeamService;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SearchSettingsPageTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired KnowledgeSearch search;
    @Autowired AuditLog audit;
    @Autowired TeamService team;
    @Autowired KnowledgeIndex index;
    @Autowired TextEmbedder embedder;

    TestAccounts.Account owner;
    Workspace w;
    String url;

    @BeforeEach
    void workspace() throws Exception {
        owner = accounts.signedIn(mvc, "owner");
        w = accounts.workspace(owner, "Search Co");
        url = "/w/" + w.slug() + "/settings/search";
    }

    @Test
    void showsTheDefaultsWithAnExplanationOfEachKnob() throws Exception {
        RetrievalSettings d = RetrievalSettings.defaults();
        mvc.perform(get(url).session(owner.session()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Search tuning"),
                        containsString("data-testid=\"uses-defaults\""),
                        containsString("value=\"" + d.bm25Weight() + "\""),
                        containsString("name=\"topK\""),
                        containsString("Candidates per search method"),
                        containsString("Minimum score"),
                        containsString("Try a query"),
                        not(containsString("data-testid=\"reset-defaults\"")))));
    }

    @Test
    void savesValidSettingsAndAuditsThem() throws Exception {
        mvc.perform(post(url).session(owner.session()).with(csrf())
                        .param("fusion", "RRF").param("bm25Weight", "0,6").param("topK", "7")
                        .param("candidates", "70").param("minScore", "0.1"))
                .andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("notice", containsString("saved")));

        assertThat(search.settings(w.id())).isEqualTo(new RetrievalSettings(Fusion.RRF, 0.6, 7, 70, 0.1));
        assertThat(audit.recent(w.id(), null, "search.")).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("search.settings_updated"));
        mvc.perform(get(url).session(owner.session()))
                .andExpect(content().string(allOf(containsString("data-testid=\"reset-defaults\""),
                        containsString("value=\"0.6\""), not(containsString("data-testid=\"uses-defaults\"")))));
    }

    @Test
    void badValuesAreShownBackWithAMessageAndNothingIsSaved() throws Exception {
        mvc.perform(post(url).session(owner.session()).with(csrf())
                        .param("fusion", "MAGIC").param("bm25Weight", "1.5").param("topK", "5")
                        .param("candidates", "3").param("minScore", "abc"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(
                        containsString("Choose weighted sum or reciprocal rank fusion."),
                        containsString("Enter a number from 0 to 1, such as 0.3"),
                        containsString("Use at least as many candidates as passages (5)"),
                        containsString("Enter a number from 0 to 1, such as 0.1."),
                        containsString("value=\"abc\""))));

        assertThat(search.usesDefaults(w.id())).isTrue();
    }

    @Test
    void resetGoesBackToTheDefaults() throws Exception {
        search.saveSettings(accounts.asMember(owner, w), new RetrievalSettings(Fusion.RRF, 0.9, 3, 30, 0.2));

        mvc.perform(post(url + "/reset").session(owner.session()).with(csrf()))
                .andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("notice", containsString("defaults")));

        assertThat(search.usesDefaults(w.id())).isTrue();
        assertThat(search.settings(w.id())).isEqualTo(RetrievalSettings.defaults());
    }

    @Test
    void tryAQueryShowsThePassagesWithBothRanksAndTheFusedScoreForTheFormsSettings() throws Exception {
        String text = "Customers can ask for their money back within 30 days of purchase.";
        index.index(w.id(), List.of(new IndexedChunk(w.id(), UUID.randomUUID(), 1, UUID.randomUUID(),
                IndexedChunk.DOCUMENT, Visibility.PUBLIC, "Refund policy", List.of("Billing"), text,
                embedder.embed("Billing\n" + text), null)));
        index.refresh();

        String fragment = mvc.perform(post(url + "/try").session(owner.session()).with(csrf())
                        .header("HX-Request", "true")
                        .param("query", "refund").param("fusion", "WEIGHTED").param("bm25Weight", "0.4")
                        .param("topK", "5").param("candidates", "50").param("minScore", "0"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(fragment).startsWith("<div id=\"try-results\"").doesNotContain("<html")
                .contains("Refund policy", "Billing", "data-testid=\"bm25-rank\">1<",
                        "data-testid=\"dense-rank\">1<", "data-testid=\"fused-score\">1.000<");

        // words only: the dense side proposes nothing
        String wordsOnly = mvc.perform(post(url + "/try").session(owner.session()).with(csrf())
                        .header("HX-Request", "true")
                        .param("query", "refund").param("fusion", "WEIGHTED").param("bm25Weight", "1")
                        .param("topK", "5").param("candidates", "50").param("minScore", "0"))
                .andReturn().getResponse().getContentAsString();
        assertThat(wordsOnly).contains("data-testid=\"dense-rank\">—<");
    }

    @Test
    void tryAQueryExplainsInsteadOfFailing() throws Exception {
        mvc.perform(post(url + "/try").session(owner.session()).with(csrf()).header("HX-Request", "true")
                        .param("query", " ").param("fusion", "WEIGHTED"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Type a question")));
        mvc.perform(post(url + "/try").session(owner.session()).with(csrf()).header("HX-Request", "true")
                        .param("query", "refund").param("fusion", "WEIGHTED").param("bm25Weight", "7")
                        .param("topK", "5").param("candidates", "50").param("minScore", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fix the settings above first")));
        mvc.perform(post(url + "/try").session(owner.session()).with(csrf()).header("HX-Request", "true")
                        .param("query", "anything at all").param("fusion", "WEIGHTED").param("bm25Weight", "0.4")
                        .param("topK", "5").param("candidates", "50").param("minScore", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing found")));
    }

    @Test
    void onlyAdminsMayOpenOrChangeIt() throws Exception {
        var user = accounts.user("agent");
        var invite = team.invite(accounts.asMember(owner, w), user.email(), Role.AGENT, "http://x");
        team.accept(invite.link().substring(invite.link().lastIndexOf('/') + 1), new Actor(user.id(), user.email()));
        var agent = accounts.login(mvc, user.email());

        mvc.perform(get(url).session(agent)).andExpect(status().isForbidden());
        mvc.perform(post(url).session(agent).with(csrf()).param("fusion", "RRF").param("bm25Weight", "0.5")
                .param("topK", "5").param("candidates", "50").param("minScore", "0")).andExpect(status().isForbidden());
        mvc.perform(post(url + "/try").session(agent).with(csrf()).header("HX-Request", "true").param("query", "x"))
                .andExpect(status().isForbidden());
        assertThat(search.usesDefaults(w.id())).isTrue();
    }
}
