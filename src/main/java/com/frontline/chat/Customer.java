package com.frontline.chat;

import org.jspecify.annotations.Nullable;

import java.net.URI;

/**
 * Who is on the other side of a conversation, as far as the workspace knows: the name and e-mail the website handed
 * to the widget (both optional), the page the chat started on; for a playground conversation, the team member who
 * tried the assistant.
 */
public record Customer(Channel channel, @Nullable String name, @Nullable String email, @Nullable String pageUrl) {

    /** The name, else the e-mail, else "Website visitor"; playground conversations say so. */
    public String label() {
        if (name != null && !name.isBlank()) {
            return channel == Channel.WIDGET ? name : name + " (playground)";
        }
        if (email != null && !email.isBlank()) {
            return email;
        }
        return channel == Channel.WIDGET ? "Website visitor" : "Team member (playground)";
    }

    Customer named(String teamMember) {
        return new Customer(channel, teamMember, null, null);
    }

    /** The e-mail when it is not already the label. */
    public @Nullable String secondaryEmail() {
        return email != null && !email.isBlank() && !email.equals(label()) ? email : null;
    }

    /** Where the chat started, short: {@code www.example.com/pricing}; null when unknown. */
    public @Nullable String page() {
        if (pageUrl == null) {
            return null;
        }
        try {
            URI uri = URI.create(pageUrl);
            String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
            return uri.getHost() == null ? null : uri.getHost() + path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
