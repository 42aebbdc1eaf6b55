package com.frontline.tenants;

import com.frontline.shared.Role;

import java.time.OffsetDateTime;
import java.util.UUID;

public record Member(UUID userId, String email, String displayName, Role role, OffsetDateTime joinedAt) {
}
