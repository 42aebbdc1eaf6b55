package com.frontline.tenants;

import java.util.List;

public final class Sectors {

    public static final List<String> ALL = List.of("Software & SaaS", "E-commerce & retail", "Financial services",
            "Insurance", "Healthcare", "Education", "Travel & hospitality", "Telecommunications", "Utilities & energy",
            "Logistics", "Public sector", "Non-profit", "Other");

    private Sectors() {
    }
}
