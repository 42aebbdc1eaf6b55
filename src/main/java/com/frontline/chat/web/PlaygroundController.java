package com.frontline.chat.web;

import com.frontline.assistants.AssistantVersions;
import com.frontline.chat.AnswerFeedback;
import com.frontline.chat.Channel;
import com.frontline.chat.ChatService;
import com.frontline.chat.Citation;
import com.frontline.chat.Conversation;
import com.frontline.llm.AssistantGateway;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import com.frontline.tenants.TenantService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The playground: an admin or agent asks the assistant questions as a customer would and sees, next to each answer,
 * the passages retrieved with their scores. Each user has their own playground conversations.
 */
@Controller
@RequiresRole(Role.AGENT)
class PlaygroundController {

    private final ChatService chat;
    private final ChatStream stream;
    private final TenantService tenants;
    private final AssistantGateway assistant;
    private final AssistantVersions versions;

    PlaygroundController(ChatService chat, ChatStream stream, TenantService tenants, AssistantGateway assistant,
                         AssistantVersions versions) {
        this.versions = versions;
        this.chat = chat;
        this.stream = stream;
        this.tenants = tenants;
        this.assistant = assistant;
    }

    @GetMapping("/w/{slug}/playground")
    String page(CurrentTenant tenant, Model model) {
        Conversation conversation = chat.latest(tenant.id(), Channel.PLAYGROUND, visitor(tenant))
                .orElseGet(() -> chat.start(tenant.id(), Channel.PLAYGROUND, visitor(tenant)));
        model.addAttribute("conversation", conversation);
        model.addAttribute("persona", tenants.persona(tenant.id()));
        model.addAttribute("offlineOnly", assistant.offlineOnly(tenant.id()));
        // admins get a link to the providers page in the note shown when a provider failed before an answer
        model.addAttribute("linkProviders", tenant.can(Role.ADMIN));
        model.addAttribute("threshold", chat.settings(tenant.id()).confidenceThreshold());
        // the playground answers with the draft: say so, and whether it differs from what visitors get
        model.addAttribute("draftDiffers", versions.draftDiffersFromLive(tenant.id()));
        model.addAttribute("liveVersion", versions.liveVersion(tenant.id()));
        model.addAttribute("section", "playground");
        return "chat/playground";
    }

    @PostMapping("/w/{slug}/playground/new")
    String restart(CurrentTenant tenant) {
        chat.start(tenant.id(), Channel.PLAYGROUND, visitor(tenant));
        return "redirect:/w/" + tenant.slug() + "/playground";
    }

    @GetMapping(path = "/w/{slug}/playground/{conversationId}/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter events(CurrentTenant tenant, @PathVariable UUID conversationId,
                      @RequestParam(defaultValue = "0") long after) {
        own(tenant, conversationId);
        return stream.open(tenant.id(), conversationId, after, c -> link(tenant, c), true);
    }

    @PostMapping("/w/{slug}/playground/{conversationId}/messages")
    @ResponseBody
    ResponseEntity<Map<String, Object>> ask(CurrentTenant tenant, @PathVariable UUID conversationId,
                                            @RequestParam(required = false) @Nullable String message) {
        own(tenant, conversationId);
        try {
            var m = chat.ask(tenant.id(), conversationId, message);
            return ResponseEntity.ok(Map.of("id", m.id(), "seq", m.seq()));
        } catch (InvalidInputException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("error", e.errors().get("message")));
        }
    }

    @PostMapping("/w/{slug}/playground/{conversationId}/handoff")
    @ResponseBody
    ResponseEntity<Map<String, Object>> handoff(CurrentTenant tenant, @PathVariable UUID conversationId) {
        own(tenant, conversationId);
        chat.requestHandoff(tenant.id(), conversationId, "The customer asked for a person.");
        return ResponseEntity.ok(Map.of("status", "WAITING"));
    }

    /** Rates an answer: {@code value} 1 or -1, and for a -1 optional {@code reasons} and {@code comment}. */
    @PostMapping("/w/{slug}/playground/{conversationId}/messages/{messageId}/feedback")
    @ResponseBody
    ResponseEntity<Map<String, Object>> feedback(CurrentTenant tenant, @PathVariable UUID conversationId,
                                                 @PathVariable UUID messageId,
                                                 @RequestParam(required = false) @Nullable String value,
                                                 @RequestParam(required = false) @Nullable List<String> reasons,
                                                 @RequestParam(required = false) @Nullable String comment) {
        own(tenant, conversationId);
        return rate(chat, tenant, conversationId, messageId, value, reasons, comment);
    }

    /** Rates an answer for the playground and the inbox: the rating as JSON, or a 422 with the message to show. */
    static ResponseEntity<Map<String, Object>> rate(ChatService chat, CurrentTenant tenant, UUID conversationId,
                                                    UUID messageId, @Nullable String value,
                                                    @Nullable List<String> reasons, @Nullable String comment) {
        try {
            AnswerFeedback feedback = AnswerFeedback.parse(value, reasons, comment);
            chat.feedback(tenant.id(), conversationId, messageId, feedback);
            return ResponseEntity.ok(Map.of("feedback", feedback.value(),
                    "reasons", feedback.reasons().stream().map(Enum::name).toList()));
        } catch (InvalidInputException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("error", e.errors().get("feedback")));
        }
    }

    /** A playground conversation belongs to the user who started it. */
    private void own(CurrentTenant tenant, UUID conversationId) {
        Conversation c = chat.conversation(tenant.id(), conversationId);
        if (c.channel() != Channel.PLAYGROUND || !c.visitorId().equals(visitor(tenant))) {
            throw com.frontline.shared.NotFoundException.of("Conversation", conversationId);
        }
    }

    private static String visitor(CurrentTenant tenant) {
        return "user:" + tenant.userId();
    }

    /** Where the team reads a cited source: a document's page, an approved correction's page, or the accounts. */
    static @Nullable String link(CurrentTenant tenant, Citation c) {
        return switch (c.sourceType()) {
            case "DOCUMENT" -> "/w/" + tenant.slug() + "/knowledge/" + c.documentId();
            case "CORRECTION" -> "/w/" + tenant.slug() + "/corrections/" + c.documentId();
            default -> "/w/" + tenant.slug() + "/accounts";
        };
    }
}
