package com.frontline.chat.web;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.ChatMessage;
import com.frontline.chat.ChatService;
import com.frontline.chat.Author;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The public widget: who may load it, and what an anonymous visitor can and cannot do with its API. */
@IntegrationTest
class WidgetApiTest {

    static final String SHOP = "https://shop.example.com";

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TenantService tenants;
    @Autowired ChatService chat;
    @Autowired WidgetTokens tokens;

    Workspace a;
    Workspace b;
    String keyA;
    String keyB;

    @BeforeEach
    void twoWorkspacesWithWidgets() throws Exception {
        var alice = accounts.signedIn(mvc, "alice");
        var bob = accounts.signedIn(mvc, "bob");
        a = accounts.workspace(alice, "Shop A");
        b = accounts.workspace(bob, "Shop B");
        tenants.updateOrigins(accounts.asMember(alice, a), SHOP + "\nhttps://*.shop-a.example");
        tenants.updateOrigins(accounts.asMember(bob, b), "https://b.example");
        keyA = tenants.widget(a.id()).publicKey();
        keyB = tenants.widget(b.id()).publicKey();
    }

    // ---- loading the widget --------------------------------------------------------------------------------------

    @Test
    void configIsReadableByAnAllowedOrigin() throws Exception {
        mvc.perform(get("/widget/config").param("key", keyA).header("Origin", SHOP))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", SHOP))
                .andExpect(header().string("Vary", containsString("Origin")))
                .andExpect(jsonPath("$.assistantName").value("Shop A Assistant"))
                .andExpect(jsonPath("$.color").value("#4f46e5"))
                .andExpect(jsonPath("$.position").value("BOTTOM_RIGHT"))
                .andExpect(jsonPath("$.frame").value("/widget/frame?key=" + keyA));
        mvc.perform(get("/widget/config").param("key", keyA).header("Origin", "https://www.shop-a.example"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://www.shop-a.example"));
    }

    @Test
    void configIsRefusedToOtherOrigins() throws Exception {
        for (String origin : new String[]{"https://evil.example", "http://shop.example.com", "https://b.example"}) {
            mvc.perform(get("/widget/config").param("key", keyA).header("Origin", origin))
                    .andExpect(status().isForbidden())
                    .andExpect(header().doesNotExist("Access-Control-Allow-Origin"))
                    .andExpect(jsonPath("$.error").value(containsString("not allowed")));
        }
        mvc.perform(get("/widget/config").param("key", keyA)).andExpect(status().isForbidden());
    }

    @Test
    void anUnknownKeyIsNotFound() throws Exception {
        mvc.perform(get("/widget/config").param("key", "pk_nope").header("Origin", SHOP))
                .andExpect(status().isNotFound())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(get("/widget/frame").param("key", "pk_nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This chat is not available")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(post("/widget/api/session").param("key", "pk_nope").param("visitor", visitor()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").exists());
    }

    @Test
    void thePanelMayOnlyBeFramedByTheAllowedOrigins() throws Exception {
        mvc.perform(get("/widget/frame").param("key", keyA))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors ")))
                .andExpect(header().string("Content-Security-Policy", containsString(" " + SHOP)))
                .andExpect(header().string("Content-Security-Policy", containsString(" https://*.shop-a.example")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().doesNotExist("X-Frame-Options"))
                .andExpect(content().string(containsString("data-key=\"" + keyA + "\"")))
                .andExpect(content().string(containsString("Shop A Assistant")));
        // the rest of the widget routes may not be framed at all
        mvc.perform(get("/widget/config").param("key", keyA).header("Origin", SHOP))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
        // and the portal keeps its own policy
        mvc.perform(get("/login")).andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void thePortalsPreviewTicketShowsTheWidgetOfItsOwnWorkspaceOnly() throws Exception {
        String ticket = tokens.preview(a.id());
        mvc.perform(get("/widget/config").param("key", keyA).param("preview", ticket))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
        mvc.perform(get("/widget/frame").param("key", keyA).param("preview", ticket))
                .andExpect(header().string("Content-Security-Policy", containsString("'self'")));
        mvc.perform(get("/widget/config").param("key", keyB).param("preview", ticket))
                .andExpect(status().isForbidden());
        mvc.perform(get("/widget/frame").param("key", keyB).param("preview", ticket))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors https://b.example;")));
    }

    @Test
    void theScriptIsPublicAndCacheable() throws Exception {
        MvcResult result = mvc.perform(get("/widget.js"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(header().string("Cache-Control", containsString("max-age=600")))
                .andExpect(header().string("Cache-Control", containsString("public")))
                .andExpect(content().string(containsString("FrontlineWidget")))
                .andReturn();
        String etag = result.getResponse().getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(get("/widget.js").header("If-None-Match", etag)).andExpect(status().isNotModified());
    }

    @Test
    void theLogoIsServedByKeyInASandbox() throws Exception {
        mvc.perform(get("/widget/logo").param("key", keyA)).andExpect(status().isNotFound());
        var owner = accounts.signedIn(mvc, "logo");
        var shop = accounts.workspace(owner, "Logo Shop");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" r=\"4\"/></svg>"
                .getBytes(StandardCharsets.UTF_8);
        tenants.uploadLogo(accounts.asMember(owner, shop), svg, "logo.svg");
        String key = tenants.widget(shop.id()).publicKey();
        mvc.perform(get("/widget/logo").param("key", key))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("sandbox")))
                .andExpect(header().string("Cache-Control", containsString("public")));
        mvc.perform(get("/widget/frame").param("key", key))
                .andExpect(content().string(containsString("/widget/logo?key=" + key + "&amp;v=")));
    }

    // ---- sessions and tokens -------------------------------------------------------------------------------------

    @Test
    void aVisitorKeepsTheirConversationAndGetsNoCookie() throws Exception {
        String visitor = visitor();
        MvcResult first = mvc.perform(post("/widget/api/session").param("key", keyA).param("visitor", visitor))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Set-Cookie"))
                .andExpect(jsonPath("$.token").exists())
                .andReturn();
        String again = mvc.perform(post("/widget/api/session").param("key", keyA).param("visitor", visitor))
                .andReturn().getResponse().getContentAsString();
        String elsewhere = mvc.perform(post("/widget/api/session").param("key", keyB).param("visitor", visitor))
                .andReturn().getResponse().getContentAsString();
        String conversation = JsonPath.read(first.getResponse().getContentAsString(), "$.conversationId");
        assertThat((String) JsonPath.read(again, "$.conversationId")).isEqualTo(conversation);
        assertThat((String) JsonPath.read(elsewhere, "$.conversationId")).isNotEqualTo(conversation);
    }

    @Test
    void aBadVisitorIdIsRefusedWithAMessage() throws Exception {
        mvc.perform(post("/widget/api/session").param("key", keyA).param("visitor", "<script>"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("visitor id")));
    }

    @Test
    void aTokenReachesOnlyItsOwnWorkspacesConversation() throws Exception {
        Session sa = session(keyA);
        Session sb = session(keyB);
        // signed by the server, but naming workspace B with A's conversation (and the other way round)
        String crossed = tokens.session(b.id(), sa.conversationId(), sa.visitorId());
        String crossedBack = tokens.session(a.id(), sb.conversationId(), sb.visitorId());
        // the right workspace and conversation, but another visitor
        String otherVisitor = tokens.session(a.id(), sa.conversationId(), "visitor:" + visitor());
        for (String token : new String[]{crossed, crossedBack, otherVisitor}) {
            mvc.perform(post("/widget/api/messages").header("X-Widget-Token", token).param("message", "hello"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.error").exists());
            mvc.perform(post("/widget/api/handoff").header("X-Widget-Token", token))
                    .andExpect(status().isUnauthorized());
            mvc.perform(get("/widget/api/events").param("token", token)).andExpect(status().isUnauthorized());
        }
        assertThat(chat.messages(a.id(), sa.conversationId(), 0)).isEmpty();
        assertThat(chat.messages(b.id(), sb.conversationId(), 0)).isEmpty();
    }

    @Test
    void aTamperedOrMissingTokenIsRefused() throws Exception {
        Session s = session(keyA);
        String payload = s.token().substring(0, s.token().indexOf('.'));
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                decoded.replace(a.id().value().toString(), b.id().value().toString()).getBytes(StandardCharsets.UTF_8))
                + s.token().substring(s.token().indexOf('.'));
        // the signature's second-to-last character changed (to one it is not: "A" when it is "A" would be no change)
        char replaced = s.token().charAt(s.token().length() - 2);
        String flipped = s.token().substring(0, s.token().length() - 2)
                + (replaced == 'A' ? 'B' : 'A') + s.token().substring(s.token().length() - 1);
        assertThat(flipped).isNotEqualTo(s.token());
        for (String token : new String[]{forged, flipped, "", "not.a.token"}) {
            mvc.perform(post("/widget/api/messages").header("X-Widget-Token", token).param("message", "hi"))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/widget/api/messages").param("message", "hi")).andExpect(status().isUnauthorized());
        // the query parameter is for the event stream only
        mvc.perform(post("/widget/api/messages").param("token", s.token()).param("message", "hi"))
                .andExpect(status().isUnauthorized());
    }

    // ---- websites ------------------------------------------------------------------------------------------------

    static final String PORTAL = "http://localhost"; // MockMvc's own origin

    @Test
    void aSessionIsOpenedOnlyForTheWorkspacesWebsites() throws Exception {
        // a page elsewhere calling the API itself, or the panel saying it is framed elsewhere
        for (var refused : new org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder[]{
                post("/widget/api/session").header("Origin", "https://evil.example"),
                post("/widget/api/session").header("Origin", "https://b.example"),
                post("/widget/api/session").param("site", "https://evil.example"),
                post("/widget/api/session").header("Origin", PORTAL).param("site", "https://evil.example"),
                post("/widget/api/session").header("Origin", "https://evil.example").param("site", SHOP)}) {
            mvc.perform(refused.param("key", keyA).param("visitor", visitor()))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value(containsString("not allowed to show this chat widget")));
        }
        mvc.perform(post("/widget/api/session").param("key", keyA).param("visitor", visitor()).header("Origin", SHOP))
                .andExpect(status().isOk());
        mvc.perform(post("/widget/api/session").param("key", keyA).param("visitor", visitor())
                .header("Origin", PORTAL).param("site", "https://www.shop-a.example")).andExpect(status().isOk());
    }

    @Test
    void aTokenMadeForOneWebsiteIsRefusedFromAnother() throws Exception {
        Session s = session(keyA, SHOP, null);
        String otherAllowed = "https://www.shop-a.example";
        for (String other : new String[]{otherAllowed, "https://evil.example"}) {
            mvc.perform(post("/widget/api/messages").header("X-Widget-Token", s.token()).header("Origin", other)
                            .param("message", "hello"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error").value(containsString("another website")));
            mvc.perform(post("/widget/api/handoff").header("X-Widget-Token", s.token()).header("Origin", other))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/widget/api/events").param("token", s.token()).header("Origin", other))
                    .andExpect(status().isForbidden());
        }
        assertThat(chat.messages(a.id(), s.conversationId(), 0)).isEmpty();
        // its own website, the panel (the portal's origin) and same-origin calls without an Origin
        for (String own : new String[]{SHOP, PORTAL}) {
            mvc.perform(post("/widget/api/messages").header("X-Widget-Token", s.token()).header("Origin", own)
                    .param("message", "hello from " + own)).andExpect(status().isOk());
        }
        mvc.perform(post("/widget/api/messages").header("X-Widget-Token", s.token()).param("message", "hi"))
                .andExpect(status().isOk());
        // the panel's token, bound to the page it is framed by
        Session framed = session(keyA, PORTAL, otherAllowed);
        mvc.perform(post("/widget/api/messages").header("X-Widget-Token", framed.token()).header("Origin", SHOP)
                .param("message", "hello")).andExpect(status().isForbidden());
        mvc.perform(post("/widget/api/messages").header("X-Widget-Token", framed.token())
                .header("Origin", otherAllowed).param("message", "hello")).andExpect(status().isOk());
        // a token opened without naming any website is no good on any website
        Session unbound = session(keyA);
        mvc.perform(post("/widget/api/messages").header("X-Widget-Token", unbound.token()).header("Origin", SHOP)
                .param("message", "hello")).andExpect(status().isForbidden());
    }

    // ---- messages ------------------------------------------------------------------------------------------------

    @Test
    void emptyAndOverlongMessagesGetAClearMessage() throws Exception {
        Session s = session(keyA);
        mvc.perform(post("/widget/api/messages").header("X-Widget-Token", s.token()).param("message", "   "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value("Type a message first."));
        mvc.perform(post("/widget/api/messages").header("X-Widget-Token", s.token()).param("message", "x".repeat(10_000)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error").value(containsString("limited to 4,000 characters")))
                .andExpect(jsonPath("$.error").value(containsString("10,000")));
        assertThat(chat.messages(a.id(), s.conversationId(), 0)).isEmpty();
    }

    @Test
    void htmlInAMessageIsStoredAndSentBackAsPlainText() throws Exception {
        Session s = session(keyA);
        String html = "<img src=x onerror=alert(1)><b>bold</b> & <script>alert('x')</script>";
        mvc.perform(post("/widget/api/messages").header("X-Widget-Token", s.token()).param("message", html))
                .andExpect(status().isOk());
        ChatMessage stored = chat.messages(a.id(), s.conversationId(), 0).getFirst();
        assertThat(stored.author()).isEqualTo(Author.CUSTOMER);
        assertThat(stored.text()).isEqualTo(html);
        // the stream replays it as a JSON string; the panel inserts text with textContent (see chat.js)
        MvcResult events = mvc.perform(get("/widget/api/events").param("token", s.token()))
                .andExpect(request().asyncStarted()).andReturn();
        String body = events.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("event:message").contains("\"text\":\"<img src=x onerror=alert(1)><b>bold</b>");
        assertThat(events.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
    }

    @Test
    void aVisitorWhoFloodsIsToldHowLongToWait() throws Exception {
        Session s = session(keyA);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(post("/widget/api/messages").header("X-Widget-Token", s.token()).param("message", "question " + i))
                    .andExpect(status().isOk());
        }
        mvc.perform(post("/widget/api/messages").header("X-Widget-Token", s.token()).param("message", "one more"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value(startsWith("You're sending messages too quickly. Please wait ")))
                .andExpect(jsonPath("$.error").value(containsString("seconds")));
        // another visitor of the same workspace is not held back
        Session other = session(keyA);
        mvc.perform(post("/widget/api/messages").header("X-Widget-Token", other.token()).param("message", "hi"))
                .andExpect(status().isOk());
    }

    @Test
    void oneAddressCannotOpenEndlessSessions() throws Exception {
        // 60 at once, then the bucket refills greedily at one a second, so a slow test run gets a few more
        int allowed = 0;
        int status = 200;
        String refusal = "";
        while (status == 200 && allowed < 120) {
            var response = mvc.perform(post("/widget/api/session").param("key", keyB).param("visitor", visitor())
                    .with(r -> { r.setRemoteAddr("10.9.8.7"); return r; })).andReturn().getResponse();
            status = response.getStatus();
            if (status == 200) {
                allowed++;
            } else {
                refusal = response.getContentAsString(StandardCharsets.UTF_8);
            }
        }
        assertThat(status).isEqualTo(429);
        assertThat(allowed).isBetween(60, 90);
        // (asked of the refusing response itself: a second call a second later may meet a refilled token)
        assertThat(refusal).contains("Please wait");
        mvc.perform(post("/widget/api/session").param("key", keyB).param("visitor", visitor())
                        .with(r -> { r.setRemoteAddr("10.9.8.8"); return r; }))
                .andExpect(status().isOk());
    }

    @Test
    void aVisitorCanAskForAPersonAndRateAnswers() throws Exception {
        Session s = session(keyA);
        mvc.perform(post("/widget/api/handoff").header("X-Widget-Token", s.token()))
                .andExpect(status().isOk());
        assertThat(chat.conversation(a.id(), s.conversationId()).status().name()).isEqualTo("WAITING");
        mvc.perform(post("/widget/api/messages/" + UUID.randomUUID() + "/feedback")
                        .header("X-Widget-Token", s.token()).param("value", "1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").exists());
        mvc.perform(post("/widget/api/messages/" + UUID.randomUUID() + "/feedback")
                        .header("X-Widget-Token", s.token()).param("value", "7"))
                .andExpect(status().isUnprocessableContent());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    record Session(String token, UUID conversationId, String visitorId) {
    }

    Session session(String key) throws Exception {
        return session(key, null, null);
    }

    /** A session opened with this {@code Origin} header and {@code site} parameter (either may be absent). */
    Session session(String key, @org.jspecify.annotations.Nullable String origin,
                    @org.jspecify.annotations.Nullable String site) throws Exception {
        String visitor = visitor();
        var request = post("/widget/api/session").param("key", key).param("visitor", visitor);
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (site != null) {
            request.param("site", site);
        }
        String body = mvc.perform(request)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return new Session(JsonPath.read(body, "$.token"), UUID.fromString(JsonPath.read(body, "$.conversationId")),
                "visitor:" + visitor);
    }

    static String visitor() {
        return "v" + UUID.randomUUID().toString().replace("-", "");
    }
}
