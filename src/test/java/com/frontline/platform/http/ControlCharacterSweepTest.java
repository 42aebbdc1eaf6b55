package com.frontline.platform.http;

import com.frontline.IntegrationTest;
import com.frontline.TestAccounts;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatService;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Workspace;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * NUL and other control characters in every kind of input the portal takes are refused at the edge with a 422 and a
 * message where the person is, and never reach the database (which answered NUL with a 500 and an ERROR line).
 */
@IntegrationTest
class ControlCharacterSweepTest {

    static final String MESSAGE_START = "Your text contains an invisible control character";
    /** NUL, the one PostgreSQL refuses, then other C0 controls, DEL and a C1 control. */
    static final List<String> BAD = List.of("\u0000", "\u0001", "\u0008", "\u001b", "\u007f", "\u0085");

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired TenantService tenants;
    @Autowired ChatService chat;

    TestAccounts.Account owner;
    Workspace workspace;
    String w;
    String widgetToken;
    UUID playground;

    @BeforeEach
    void workspaceWithWidgetAndPlayground() throws Exception {
        owner = accounts.signedIn(mvc, "nul");
        workspace = accounts.workspace(owner, "Nul Corp");
        w = "/w/" + workspace.slug();
        String key = tenants.widget(workspace.id()).publicKey();
        String session = mvc.perform(post("/widget/api/session").param("key", key)
                        .param("visitor", "v" + UUID.randomUUID().toString().replace("-", "")))
                .andReturn().getResponse().getContentAsString();
        widgetToken = JsonPath.read(session, "$.token");
        playground = chat.start(workspace.id(), Channel.PLAYGROUND, "user:" + owner.user().id()).id();
    }

    /** Each input, as the page or script that owns it posts it, with the bad text in one field. */
    Map<String, RequestBuilder> inputs(String bad) {
        String text = "Hello" + bad + "world";
        MockHttpSession s = owner.session();
        Map<String, RequestBuilder> in = new LinkedHashMap<>();
        in.put("widget message", post("/widget/api/messages").header("X-Widget-Token", widgetToken)
                .param("message", text));
        in.put("workspace name", post(w + "/settings/workspace").session(s).with(csrf())
                .param("name", text).param("sector", "Other"));
        in.put("new workspace name", post("/onboarding").session(s).with(csrf())
                .param("name", text).param("slug", TestAccounts.unique("nul")).param("sector", "Other"));
        in.put("persona", post(w + "/settings/persona").session(s).with(csrf())
                .param("assistantName", "Ava").param("tone", "FRIENDLY").param("customInstructions", text)
                .param("greeting", "Hi").param("fallbackMessage", "Sorry").param("language", "en"));
        in.put("invite e-mail", post(w + "/settings/team/invite").session(s).with(csrf())
                .param("email", "a" + bad + "@example.com").param("role", "AGENT"));
        in.put("playground", post(w + "/playground/" + playground + "/messages").session(s).with(csrf())
                .param("message", text));
        in.put("pasted knowledge", post(w + "/knowledge/text").session(s).with(csrf())
                .param("title", "Notes").param("text", text));
        in.put("provider label", post(w + "/settings/providers").session(s).with(csrf())
                .param("kind", "OPENAI").param("label", text).param("apiKey", "sk-test-0123456789")
                .param("defaultModel", "gpt-4o-mini").param("timeoutSeconds", "30"));
        in.put("allowed websites", post(w + "/settings/widget").session(s).with(csrf())
                .param("origins", "https://shop" + bad + ".example"));
        in.put("search try", post(w + "/settings/search/try").session(s).with(csrf()).param("query", text));
        in.put("handoff webhook", post(w + "/settings/handoff").session(s).with(csrf())
                .param("threshold", "50").param("webhookUrl", "https://hooks.example/" + bad));
        in.put("sign-up name", post("/signup").with(csrf()).param("email", TestAccounts.unique("n") + "@example.com")
                .param("displayName", text).param("password", TestAccounts.PASSWORD));
        in.put("sign-in e-mail", post("/login").with(csrf()).param("username", "a" + bad + "@example.com")
                .param("password", "whatever it is"));
        in.put("query parameter", get(w + "/knowledge").session(s).param("q", text));
        in.put("uploaded file name", multipart(w + "/knowledge/upload").part(new MockPart("files",
                "notes" + bad + ".txt", "Some text".getBytes(), MediaType.TEXT_PLAIN)).session(s).with(csrf()));
        in.put("JSON body", post("/widget/api/messages").header("X-Widget-Token", widgetToken)
                .contentType(MediaType.APPLICATION_JSON).content("{\"message\": \"Hello" + jsonEscape(bad) + "\"}"));
        return in;
    }

    @Test
    void everyInputRefusesControlCharactersWithAMessageAndNoErrorLog() throws Exception {
        List<String> wrong = new ArrayList<>();
        try (LogCapture logs = new LogCapture()) {
            for (String bad : BAD) {
                for (var input : inputs(bad).entrySet()) {
                    var response = mvc.perform(input.getValue()).andReturn().getResponse();
                    String body = response.getContentAsString();
                    if (response.getStatus() != 422 || !body.contains(MESSAGE_START)) {
                        wrong.add(input.getKey() + " with U+" + String.format("%04X", (int) bad.charAt(0)) + ": "
                                + response.getStatus());
                    }
                }
            }
            assertThat(wrong).as("inputs that did not answer 422 with the message").isEmpty();
            assertThat(logs.errors()).as("ERROR log lines").isEmpty();
        }
    }

    @Test
    void theMessageFitsWhereThePersonIs() throws Exception {
        MockHttpSession s = owner.session();
        // the widget and the chat panels read {"error": …}
        var widget = mvc.perform(post("/widget/api/messages").header("X-Widget-Token", widgetToken)
                .param("message", "a\u0000b")).andReturn().getResponse();
        assertThat(widget.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat((String) JsonPath.read(widget.getContentAsString(), "$.error")).startsWith(MESSAGE_START);
        // htmx: the alert, swapped into #flash
        var htmx = mvc.perform(post(w + "/settings/workspace").session(s).with(csrf()).header("HX-Request", "true")
                .param("name", "a\u0000b").param("sector", "Other")).andReturn().getResponse();
        assertThat(htmx.getStatus()).isEqualTo(422);
        assertThat(htmx.getHeader("HX-Retarget")).isEqualTo("#flash");
        assertThat(htmx.getContentAsString()).contains("class=\"alert alert-error\"").contains(MESSAGE_START)
                .doesNotContain("<html");
        // a plain form post: the error page
        var page = mvc.perform(post(w + "/settings/workspace").session(s).with(csrf()).accept(MediaType.TEXT_HTML)
                .param("name", "a\u0000b").param("sector", "Other")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("<html").contains(MESSAGE_START).doesNotContain("Exception");
    }

    @Test
    void multiLineTextKeepsTabsAndLineBreaks() throws Exception {
        mvc.perform(post(w + "/knowledge/text").session(owner.session()).with(csrf())
                        .param("title", "Notes").param("text", "Line one\r\n\tindented\nline three"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
        var response = mvc.perform(post("/widget/api/messages").header("X-Widget-Token", widgetToken)
                .param("message", "first line\nsecond line\tand a tab")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
