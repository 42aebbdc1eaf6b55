package com.frontline.rollouts.web;

import com.frontline.shared.CurrentTenant;
import com.frontline.shared.NotFoundException;

import java.util.UUID;

/** The rollout pages' addresses, built in one place. */
final class Paths {

    private Paths() {
    }

    static String overview(CurrentTenant tenant) {
        return "/w/" + tenant.slug() + "/rollouts";
    }

    static String experiment(CurrentTenant tenant, UUID id) {
        return overview(tenant) + "/" + id;
    }

    /** An experiment id from the address; anything else names no experiment: 404. */
    static UUID id(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw NotFoundException.of("Experiment", raw);
    }
}
