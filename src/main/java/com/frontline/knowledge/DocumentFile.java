package com.frontline.knowledge;

public record DocumentFile(String filename, String contentType, byte[] bytes) {
}
