package com.frontline.chat.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.tenants.TenantService;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Many visitors behind one address (an office, a carrier's NAT) through the real widget API: the per-address limits
 * catch floods, not people. The paced version of these cases, on a clock of its own, is {@link WidgetRateLimitsTest}.
 */
@IntegrationTest
class WidgetNatLimitsTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TenantService tenants;

    String keyA;
    String keyB;

    @BeforeEach
    void twoWorkspaces() throws Exception {
        var alice = accounts.signedIn(mvc, "nat-a");
        var bob = accounts.signedIn(mvc, "nat-b");
        keyA = tenants.widget(accounts.workspace(alice, "NAT Shop A").id()).publicKey();
        keyB = tenants.widget(accounts.workspace(bob, "NAT Shop B").id()).publicKey();
    }

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    String open(String key, String visitor, String address) throws Exception {
        var response = mvc.perform(from(post("/widget/api/session").param("key", key).param("visitor", visitor),
                address)).andExpect(status().isOk()).andReturn().getResponse();
        return JsonPath.read(response.getContentAsString(), "$.token");
    }

    static String visitor() {
        return "v" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void twentyVisitorsBehindOneAddressAskingTogetherAreAllServed() throws Exception {
        String office = "198.51.100.20";
        List<String> tokens = new ArrayList<>();
        for (int v = 0; v < 20; v++) {
            tokens.add(open(keyA, visitor(), office));
        }
        // three questions each, at once: 80 calls from one address in seconds (the old 60-a-minute bucket refused 20)
        int served = 0;
        for (int turn = 0; turn < 3; turn++) {
            for (String token : tokens) {
                int code = mvc.perform(from(post("/widget/api/messages").header("X-Widget-Token", token)
                        .param("message", "How long does shipping take? " + turn), office))
                        .andReturn().getResponse().getStatus();
                if (code == 200) {
                    served++;
                }
            }
        }
        assertThat(served).isEqualTo(60);
    }

    @Test
    void aReturningVisitorsRenewalsAreNotNewSessions() throws Exception {
        String address = "198.51.100.21";
        String returning = visitor();
        open(keyA, returning, address);
        // the panel renews its token and reconnects: 100 session calls for the same conversation
        for (int i = 0; i < 100; i++) {
            open(keyA, returning, address);
        }
        // and the address can still start new chats
        open(keyA, visitor(), address);
    }

    @Test
    void aFloodOfNewSessionsIsRefusedPerWorkspace() throws Exception {
        String address = "198.51.100.22";
        int opened = 0;
        int code = 200;
        while (code == 200 && opened < 200) {
            code = mvc.perform(from(post("/widget/api/session").param("key", keyA).param("visitor", visitor()),
                    address)).andReturn().getResponse().getStatus();
            if (code == 200) {
                opened++;
            }
        }
        assertThat(code).isEqualTo(429);
        // 60 at once, then one a second as the bucket refills: a slow run gets a few more
        assertThat(opened).isBetween(60, 90);
        // the same address is a stranger to the other workspace
        open(keyB, visitor(), address);
    }
}
