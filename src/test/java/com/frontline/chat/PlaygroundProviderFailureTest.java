package com.frontline.chat;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.llm.FakeOpenAiServer;
import com.frontline.llm.ProviderFailure;
import com.frontline.llm.internal.ProviderForm;
import com.frontline.llm.internal.ProviderKind;
import com.frontline.llm.internal.ProviderSettings;
import com.frontline.shared.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.frontline.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A dead provider leaves a hint in the playground: the answer that the next hop (here the offline answerer) gave is
 * preceded by a note naming the provider and what failed, linking admins to the providers page. Visitors of the
 * website widget get the answer and nothing of this.
 */
@IntegrationTest
class PlaygroundProviderFailureTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired ChatService chat;
    @Autowired ProviderSettings providers;

    TestAccounts.Account alice;
    CurrentTenant tenant;

    @BeforeEach
    void workspaceWithADeadProvider() throws Exception {
        alice = accounts.signedIn(mvc, "alice");
        tenant = accounts.asMember(alice, accounts.workspace(alice, "Dead Provider Co"));
        providers.save(tenant, new ProviderForm(null, ProviderKind.OPENAI, "Main", FakeOpenAiServer.closedPortUrl(),
                "sk-test-dead-provider-1234", "gpt-4o-mini", "", "", "", "5", true, true));
    }

    @Test
    void thePlaygroundNotesWhichProviderFailedAndWhoAnsweredInstead() throws Exception {
        String page = mvc.perform(get("/w/{s}/playground", tenant.slug()).session(alice.session()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-providers=\"/w/" + tenant.slug() + "/settings/providers\"");
        Conversation c = chat.latest(tenant.id(), Channel.PLAYGROUND, "user:" + alice.user().id()).orElseThrow();
        MvcResult stream = mvc.perform(get("/w/{s}/playground/{c}/events", tenant.slug(), c.id())
                        .session(alice.session()))
                .andExpect(request().asyncStarted())
                .andReturn();

        mvc.perform(post("/w/{s}/playground/{c}/messages", tenant.slug(), c.id()).session(alice.session())
                        .with(csrf()).param("message", "How long do refunds take?"))
                .andExpect(status().isOk());

        await(() -> contentOf(stream).contains("\"author\":\"ASSISTANT\""));
        String events = contentOf(stream);
        assertThat(events).contains("event:providers-failed", "\"provider\":\"OpenAI (Main)\"",
                "\"problem\":\"Could not connect to 127.0.0.1: connection refused.\"", "\"answeredBy\":\"offline\"");
        assertThat(events).doesNotContain("ConnectException", "sk-test-dead");
    }

    @Test
    void websiteVisitorsSeeNothingOfIt() {
        Conversation c = chat.start(tenant.id(), Channel.WIDGET, "visitor-1");
        List<ChatEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = chat.subscribe(tenant.id(), c.id(), seen::add)) {
            chat.ask(tenant.id(), c.id(), "How long do refunds take?");
            await(() -> seen.stream().anyMatch(e -> e instanceof ChatEvent.MessageAdded m
                    && m.message().author() == Author.ASSISTANT));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(seen).noneMatch(e -> e instanceof ChatEvent.ProvidersFailed);
    }

    @Test
    void theNoteNamesTheProviderAndTheProblemInPlainWords() {
        Conversation c = chat.start(tenant.id(), Channel.PLAYGROUND, "user:someone");
        List<ChatEvent> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable ignored = chat.subscribe(tenant.id(), c.id(), seen::add)) {
            chat.ask(tenant.id(), c.id(), "How long do refunds take?");
            await(() -> seen.stream().anyMatch(e -> e instanceof ChatEvent.ProvidersFailed));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ChatEvent.ProvidersFailed failed = seen.stream().filter(ChatEvent.ProvidersFailed.class::isInstance)
                .map(ChatEvent.ProvidersFailed.class::cast).findFirst().orElseThrow();
        assertThat(failed.failures()).containsExactly(new ProviderFailure("OpenAI (Main)",
                "Could not connect to 127.0.0.1: connection refused."));
        assertThat(failed.answeredBy()).isEqualTo("offline");
    }

    private static String contentOf(MvcResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
