package com.frontline.chat.web;

import com.frontline.chat.ChatService;
import com.frontline.chat.Conversation;
import com.frontline.chat.ConversationStatus;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agents' inbox: conversations waiting for a person or being answered by one. An agent opens one, takes it over
 * (the assistant stops answering), writes to the customer live, and resolves it.
 */
@Controller
@RequiresRole(Role.AGENT)
class InboxController {

    private final ChatService chat;
    private final ChatStream stream;

    InboxController(ChatService chat, ChatStream stream) {
        this.chat = chat;
        this.stream = stream;
    }

    /** The queue; its own poll asks for the queue region only (see {@code Views}). */
    @GetMapping("/w/{slug}/inbox")
    String inbox(CurrentTenant tenant, Model model) {
        list(tenant, model, null);
        model.addAttribute("conversation", null);
        return "chat/inbox :: queue";
    }

    @GetMapping("/w/{slug}/inbox/{conversationId}")
    String conversation(CurrentTenant tenant, @PathVariable UUID conversationId, Model model) {
        Conversation conversation = chat.inboxConversation(tenant.id(), conversationId);
        list(tenant, model, conversationId);
        model.addAttribute("conversation", conversation);
        model.addAttribute("customer", chat.customer(tenant.id(), conversationId));
        model.addAttribute("mine", tenant.userId().equals(conversation.agentId()));
        return "chat/inbox :: queue";
    }

    @GetMapping(path = "/w/{slug}/inbox/{conversationId}/events", produces = "text/event-stream")
    @ResponseBody
    SseEmitter events(CurrentTenant tenant, @PathVariable UUID conversationId,
                      @RequestParam(defaultValue = "0") long after) {
        chat.inboxConversation(tenant.id(), conversationId);
        return stream.open(tenant.id(), conversationId, after, c -> PlaygroundController.link(tenant, c), false);
    }

    @PostMapping("/w/{slug}/inbox/{conversationId}/take-over")
    String takeOver(CurrentTenant tenant, @PathVariable UUID conversationId) {
        chat.takeOver(tenant, conversationId);
        return "redirect:/w/" + tenant.slug() + "/inbox/" + conversationId;
    }

    @PostMapping("/w/{slug}/inbox/{conversationId}/resolve")
    String resolve(CurrentTenant tenant, @PathVariable UUID conversationId, RedirectAttributes redirect) {
        chat.resolve(tenant, conversationId);
        redirect.addFlashAttribute("notice", "Conversation resolved. The customer's next message goes to the assistant.");
        return "redirect:/w/" + tenant.slug() + "/inbox";
    }

    @PostMapping("/w/{slug}/inbox/{conversationId}/messages")
    @ResponseBody
    ResponseEntity<Map<String, Object>> reply(CurrentTenant tenant, @PathVariable UUID conversationId,
                                              @RequestParam(required = false) @Nullable String message) {
        try {
            var m = chat.agentReply(tenant, conversationId, message);
            return ResponseEntity.ok(Map.of("id", m.id(), "seq", m.seq()));
        } catch (InvalidInputException e) {
            return ResponseEntity.unprocessableEntity().body(Map.of("error", e.errors().get("message")));
        }
    }

    static final String ALREADY_RATED = "This answer is already rated, and that rating stays. "
            + "To fix the answer, write a correction.";

    /** An agent rates one of the assistant's answers in the conversation that nobody has rated yet. */
    @PostMapping("/w/{slug}/inbox/{conversationId}/messages/{messageId}/feedback")
    @ResponseBody
    ResponseEntity<Map<String, Object>> feedback(CurrentTenant tenant, @PathVariable UUID conversationId,
                                                 @PathVariable UUID messageId,
                                                 @RequestParam(required = false) @Nullable String value,
                                                 @RequestParam(required = false) @Nullable List<String> reasons,
                                                 @RequestParam(required = false) @Nullable String comment) {
        chat.inboxConversation(tenant.id(), conversationId);
        // one rating per answer: a customer's (or a teammate's) judgement is not overwritten from the inbox
        if (chat.assistantAnswer(tenant.id(), messageId).feedback() != null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", ALREADY_RATED));
        }
        return PlaygroundController.rate(chat, tenant, conversationId, messageId, value, reasons, comment);
    }

    private void list(CurrentTenant tenant, Model model, @Nullable UUID selected) {
        var queue = chat.inboxQueue(tenant.id());
        model.addAttribute("waiting", queue.stream()
                .filter(i -> i.conversation().status() == ConversationStatus.WAITING).toList());
        model.addAttribute("active", queue.stream()
                .filter(i -> i.conversation().status() == ConversationStatus.AGENT).toList());
        model.addAttribute("resolved", chat.resolvedConversations(tenant.id()));
        model.addAttribute("selected", selected);
        model.addAttribute("now", OffsetDateTime.now());
        model.addAttribute("section", "inbox");
    }
}
