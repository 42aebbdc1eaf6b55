package com.frontline.platform.http;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.tenants.InvitationCreated;
import com.frontline.tenants.TenantService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * With no trusted proxy configured (the default), X-Forwarded-* headers from a client change nothing: not the address
 * the rate limits count, not the host of links the portal makes. (Tomcat's RemoteIpValve, which honours them from
 * configured proxies, is proven against a real server in {@link TrustedProxyServerTest}.)
 */
@IntegrationTest
class ForwardedHeadersTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TenantService tenants;

    @Test
    void rotatingForwardedForDoesNotEscapeTheAddressLimit() throws Exception {
        var owner = accounts.signedIn(mvc, "xff");
        var workspace = accounts.workspace(owner, "XFF Shop");
        String key = tenants.widget(workspace.id()).publicKey();
        int allowed = 0;
        int status = 200;
        // the new-sessions limit is 60 a minute per address; a client writing a new X-Forwarded-For each time stays one
        // address
        while (status == 200 && allowed < 200) {
            String spoofed = "203.0.113." + (allowed % 250) + ", 198.51.100." + (allowed % 250);
            status = mvc.perform(post("/widget/api/session").param("key", key)
                            .param("visitor", "v" + UUID.randomUUID().toString().replace("-", ""))
                            .header("X-Forwarded-For", spoofed).header("Forwarded", "for=" + (allowed % 250))
                            .with(r -> { r.setRemoteAddr("192.0.2.77"); return r; }))
                    .andReturn().getResponse().getStatus();
            if (status == 200) {
                allowed++;
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(allowed).isBetween(60, 90);
    }

    @Test
    void aClientCannotRewriteTheHostOfAnInviteLink() throws Exception {
        var owner = accounts.signedIn(mvc, "host");
        var workspace = accounts.workspace(owner, "Host Shop");
        var result = mvc.perform(post("/w/" + workspace.slug() + "/settings/team/invite").session(owner.session())
                        .with(csrf()).param("email", TestAccounts.unique("new") + "@example.com").param("role", "AGENT")
                        .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Port", "8443").header("Forwarded", "host=evil.example;proto=https"))
                .andReturn();
        InvitationCreated created = (InvitationCreated) result.getFlashMap().get("invited");
        assertThat(created).isNotNull();
        assertThat(created.link()).startsWith("http://localhost/invites/").doesNotContain("evil");
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("evil");
    }
}
