package com.frontline.identity;

import java.io.Serializable;
import java.util.UUID;

public record UserAccount(UUID id, String email, String displayName, boolean hasPassword) implements Serializable {
}
