package com.frontline.identity;

public record SignUpCmd(String email, String displayName, String password) {
}
