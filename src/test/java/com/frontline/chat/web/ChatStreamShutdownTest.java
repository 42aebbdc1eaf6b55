package com.frontline.chat.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatService;
import com.frontline.chat.Conversation;
import com.frontline.shared.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ChatStreamShutdownTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired ChatService chat;
    @Autowired ChatStream streams;

    @Test
    void shuttingDownEndsTheOpenStreamsSoTheServerNeedNotWaitForThem() throws Exception {
        TestAccounts.Account alice = accounts.signedIn(mvc, "alice");
        CurrentTenant tenant = accounts.asMember(alice, accounts.workspace(alice, "Streams Co"));
        mvc.perform(get("/w/{s}/playground", tenant.slug()).session(alice.session())).andExpect(status().isOk());
        Conversation c = chat.latest(tenant.id(), Channel.PLAYGROUND, "user:" + alice.user().id()).orElseThrow();
        MvcResult stream = mvc.perform(get("/w/{s}/playground/{c}/events", tenant.slug(), c.id())
                        .session(alice.session()))
                .andExpect(request().asyncStarted())
                .andReturn();
        assertThat(streams.openStreams()).isPositive();
        assertThat(stream.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("event:status");

        streams.endAll(); // what the context's shutdown (ContextClosedEvent) calls

        assertThat(streams.openStreams()).isZero();
        stream.getAsyncResult(5_000); // the request is finished, not held open
        mvc.perform(asyncDispatch(stream)).andExpect(status().isOk());
    }

    @Test
    void aStreamOpenedWhileShuttingDownEndsAtOnce() throws Exception {
        TestAccounts.Account bob = accounts.signedIn(mvc, "bob");
        CurrentTenant tenant = accounts.asMember(bob, accounts.workspace(bob, "Reconnects Co"));
        Conversation c = chat.start(tenant.id(), Channel.PLAYGROUND, "user:" + bob.user().id());
        ChatStream node = new ChatStream(chat); // not the context's bean, which other tests keep using

        node.shutDown();
        SseEmitter reconnect = node.open(tenant.id(), c.id(), 0, citation -> null, false);

        assertThat(node.openStreams()).as("a browser's reconnect during shutdown is not held open").isZero();
        assertThatThrownBy(() -> reconnect.send("late")).as("already complete")
                .isInstanceOf(IllegalStateException.class);
    }
}
