package com.frontline.tenants;

import java.util.LinkedHashMap;
import java.util.Map;

/** The languages the assistant can be told to answer in (BCP 47 code → English name). */
public final class Languages {

    public static final Map<String, String> ALL;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("en", "English");
        m.put("de", "German");
        m.put("fr", "French");
        m.put("es", "Spanish");
        m.put("it", "Italian");
        m.put("nl", "Dutch");
        m.put("pt", "Portuguese");
        m.put("sv", "Swedish");
        m.put("da", "Danish");
        m.put("pl", "Polish");
        ALL = Map.copyOf(m);
    }

    private Languages() {
    }
}
