package com.frontline.shared;

import java.util.UUID;

/** Who did something, as recorded in the audit log. */
public record Actor(UUID userId, String email) {
}
