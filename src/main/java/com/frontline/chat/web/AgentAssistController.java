package com.frontline.chat.web;

import com.frontline.chat.ChatService;
import com.frontline.search.Audience;
import com.frontline.search.IndexedChunk;
import com.frontline.search.KnowledgeSearch;
import com.frontline.search.Passage;
import com.frontline.search.SearchUnavailableException;
import com.frontline.search.Visibility;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import com.frontline.shared.web.Views;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.UUID;

/**
 * Agent assist, a panel on the inbox conversation page: the passages of the workspace's knowledge that are relevant
 * to the customer's last message, internal ones (account facts, internal documents) included, since only the team
 * sees this panel. The agent can also search for anything else. The inbox page loads it with one {@code hx-get}.
 */
@Controller
@RequiresRole(Role.AGENT)
class AgentAssistController {

    private static final Logger log = LoggerFactory.getLogger(AgentAssistController.class);
    static final int PASSAGES = 5;

    /** One passage as the panel shows it. */
    record AssistPassage(String label, String snippet, boolean internal, @Nullable String href) {
    }

    private final ChatService chat;
    private final KnowledgeSearch search;

    AgentAssistController(ChatService chat, KnowledgeSearch search) {
        this.chat = chat;
        this.search = search;
    }

    @GetMapping("/w/{slug}/inbox/{conversationId}/assist")
    String assist(CurrentTenant tenant, @PathVariable UUID conversationId,
                  @RequestParam(required = false) @Nullable String q, Model model, HttpServletRequest request) {
        chat.inboxConversation(tenant.id(), conversationId); // 404 unless an inbox conversation of this workspace
        String typed = q == null ? "" : q.strip();
        String query = typed.isEmpty() ? chat.lastCustomerMessage(tenant.id(), conversationId).orElse("") : typed;
        model.addAttribute("assistUrl", "/w/" + tenant.slug() + "/inbox/" + conversationId + "/assist");
        model.addAttribute("typed", typed);
        model.addAttribute("query", query);
        model.addAttribute("passages", List.of());
        if (query.isEmpty()) {
            model.addAttribute("assistMessage", "The customer has not written yet. Search your knowledge above.");
        } else {
            try {
                List<AssistPassage> passages = search.search(tenant.id(), Audience.TEAM, query).stream()
                        .limit(PASSAGES).map(p -> view(tenant, p)).toList();
                model.addAttribute("passages", passages);
                if (passages.isEmpty()) {
                    model.addAttribute("assistMessage", "Nothing in your knowledge matches this.");
                }
            } catch (SearchUnavailableException e) {
                log.warn("Agent assist could not search: {}", e.getMessage());
                model.addAttribute("assistMessage", "Search is not available right now. Try again in a minute.");
            }
        }
        // a full page load of this address has no page of its own: show the conversation instead
        return Views.wantsFragment(request) ? "chat/assist :: assist"
                : "redirect:/w/" + tenant.slug() + "/inbox/" + conversationId;
    }

    private static AssistPassage view(CurrentTenant tenant, Passage p) {
        String href = switch (p.sourceType()) {
            case IndexedChunk.DOCUMENT -> "/w/" + tenant.slug() + "/knowledge/" + p.documentId();
            case IndexedChunk.ACCOUNT -> "/w/" + tenant.slug() + "/accounts/" + p.documentId();
            default -> null;
        };
        return new AssistPassage(label(p), snippet(p.text()), p.visibility() == Visibility.INTERNAL, href);
    }

    private static String label(Passage p) {
        List<String> headings = p.headingPath().stream().filter(h -> !h.equalsIgnoreCase(p.title().strip())).toList();
        return headings.isEmpty() ? p.title() : p.title() + " › " + String.join(" › ", headings);
    }

    private static String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= 320) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', 320);
        return flat.substring(0, cut > 160 ? cut : 320) + "…";
    }
}
