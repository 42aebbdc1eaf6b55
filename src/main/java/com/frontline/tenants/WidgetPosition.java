package com.frontline.tenants;

public enum WidgetPosition {
    BOTTOM_RIGHT("Bottom right"),
    BOTTOM_LEFT("Bottom left");

    private final String label;

    WidgetPosition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
