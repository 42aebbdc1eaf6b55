package com.frontline.rollouts;

import com.frontline.shared.TenantId;

import java.util.UUID;

/** Run in a separate JVM by {@link AssignmentTest}: prints "visitor bucket" per visitor. */
final class AssignmentSnapshot {

    private AssignmentSnapshot() {
    }

    public static void main(String[] args) {
        TenantId workspace = TenantId.of(UUID.fromString(args[0]));
        UUID experiment = UUID.fromString(args[1]);
        for (int i = 2; i < args.length; i++) {
            System.out.println(args[i] + " " + Assignment.bucket(workspace, experiment, args[i]));
        }
    }
}
